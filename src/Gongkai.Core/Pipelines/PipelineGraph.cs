namespace Gongkai.Pipelines;

/// <summary>Checks a set of pipelines: unique names, known dependencies, no cycles; gives a deterministic order.</summary>
public static class PipelineGraph
{
    /// <summary>The pipelines in an order where each comes after its dependencies (ties by name), or an error.</summary>
    public static IReadOnlyList<Pipeline> Order(IReadOnlyList<Pipeline> pipelines)
    {
        var byName = new Dictionary<string, Pipeline>(StringComparer.Ordinal);
        foreach (var p in pipelines)
        {
            if (!byName.TryAdd(p.Name, p))
            {
                throw new InvalidOperationException($"two pipelines are named '{p.Name}'");
            }
        }

        foreach (var p in pipelines)
        {
            foreach (var d in p.DependsOn.Where(d => !byName.ContainsKey(d)))
            {
                throw new InvalidOperationException($"pipeline '{p.Name}' depends on '{d}', which does not exist");
            }
        }

        var ordered = new List<Pipeline>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done
        foreach (var p in pipelines.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            Visit(p, [], byName, state, ordered);
        }

        return ordered;
    }

    private static void Visit(Pipeline p, List<string> path, Dictionary<string, Pipeline> byName, Dictionary<string, bool> state, List<Pipeline> ordered)
    {
        if (state.TryGetValue(p.Name, out var done))
        {
            if (!done)
            {
                var cycle = path.SkipWhile(n => n != p.Name).Append(p.Name);
                throw new InvalidOperationException($"pipelines depend on each other in a cycle: {string.Join(" → ", cycle)}");
            }

            return;
        }

        state[p.Name] = false;
        path.Add(p.Name);
        foreach (var d in p.DependsOn.Order(StringComparer.Ordinal))
        {
            Visit(byName[d], path, byName, state, ordered);
        }

        path.RemoveAt(path.Count - 1);
        state[p.Name] = true;
        ordered.Add(p);
    }
}
