using Gongkai.Building;
using Spectre.Console;

namespace Gongkai.Cli.Commands;

/// <summary>Prints a build's phases, pipelines and what the collector had to do (<c>--timings</c> of build and serve).</summary>
internal static class TimingsPrinter
{
    private const int ShownModules = 12;

    /// <summary>The collector's counters now: take one before a build, and print the build's share with <see cref="Print"/>.</summary>
    public static GcCounts Count() => new(GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    public static void Print(IAnsiConsole console, BuildResult result, GcCounts before)
    {
        foreach (var (phase, took) in result.Phases ?? new Dictionary<string, PhaseTime>())
        {
            console.Line(
                $"  {phase}: {took.Wall.TotalSeconds:0.000} s (CPU {took.Cpu.TotalSeconds:0.000} s, {took.Allocated / 1048576.0:0} MiB allocated, {took.Collections} collection{(took.Collections == 1 ? "" : "s")}, paused {took.Paused.TotalSeconds:0.000} s)");
        }

        if (result.TemplatesInterpreted is { } why)
        {
            console.Line($"  templates: interpreted by Scriban ({why}: see docs/theming.md)");
        }
        else
        {
            console.Line("  templates: compiled");
        }

        // What the collector had to do: most of a rebuild's time on a large site, as profiles show.
        var (now, gc) = (Count(), GC.GetGCMemoryInfo());
        console.Line(
            $"  memory: {(now.Allocated - before.Allocated) / 1048576.0:0} MiB allocated; collections {now.Gen0 - before.Gen0}/{now.Gen1 - before.Gen1}/{now.Gen2 - before.Gen2} (gen 0/1/2), {gc.PauseTimePercentage:0.0} % paused; heap {gc.HeapSizeBytes / 1048576.0:0} MiB");

        // Pipelines run concurrently, so their times overlap.
        foreach (var (pipeline, took) in result.PipelineDurations.OrderByDescending(p => p.Value))
        {
            console.Line($"    pipeline {pipeline}: {took.TotalSeconds:0.000} s");
        }

        // The modules that cost most, their time summed over threads: where to look first.
        foreach (var m in (result.Modules ?? []).OrderByDescending(m => m.Elapsed).Take(ShownModules))
        {
            console.Line(
                $"    module {m.Pipeline}/{m.Module}: {m.Documents} documents, {m.Elapsed.TotalSeconds:0.000} s on all threads, {m.Allocated / 1048576.0:0.0} MiB allocated");
        }
    }

    /// <summary>Bytes allocated and collections per generation since the process started.</summary>
    internal readonly record struct GcCounts(long Allocated, int Gen0, int Gen1, int Gen2);
}
