namespace Gongkai.Pipelines;

/// <summary>A named sequence of modules, and the pipelines whose outputs it reads (which run before it).</summary>
public sealed record Pipeline(string Name, IReadOnlyList<Module> Modules, IReadOnlyList<string> DependsOn)
{
    /// <summary>A pipeline with no dependencies.</summary>
    public Pipeline(string name, params Module[] modules)
        : this(name, modules, [])
    {
    }

    /// <summary>A copy that runs after the named pipelines and may read their outputs.</summary>
    public Pipeline After(params string[] dependencies) => this with { DependsOn = [.. DependsOn, .. dependencies] };
}
