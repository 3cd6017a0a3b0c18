using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Gongkai.Bench.Micro;

/// <summary>
/// Runs the micro-benchmarks of the hot page steps (<see cref="PageSteps"/>) with BenchmarkDotNet, in this process: it
/// is already built in Release, and the project settings the CLI runs with (tiered PGO off) apply. <c>--quick</c>: a
/// short run (3 warm-ups, 3 iterations); <c>--table FILE</c>: also writes the medians per page as a markdown table;
/// anything else goes to BenchmarkDotNet (e.g. <c>--filter '*Layout*'</c>).
/// </summary>
internal static class MicroCommand
{
    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick");
        var table = args.SkipWhile(a => a != "--table").Skip(1).FirstOrDefault();
        var rest = args.Where((a, i) => a != "--quick" && a != "--table" && (i == 0 || args[i - 1] != "--table")).ToArray();
        // All of them unless told otherwise: without a filter, BenchmarkDotNet asks which on the console.
        if (!rest.Contains("--filter"))
        {
            rest = [.. rest, "--filter", "*"];
        }

        var job = (quick ? Job.ShortRun : Job.Default).WithToolchain(InProcessEmitToolchain.Instance);
        var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableLogFile)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "gongkai-micro-artifacts"));
        var summaries = BenchmarkSwitcher.FromTypes([typeof(PageSteps)]).Run(rest, config).ToList();
        var reports = summaries.SelectMany(s => s.Reports).ToList();
        if (table is not null)
        {
            File.WriteAllLines(table, Table(reports));
        }

        return summaries.Count == 0 || summaries.Any(s => s.HasCriticalValidationErrors) || reports.Any(r => !r.Success) ? 1 : 0;
    }

    private static IEnumerable<string> Table(IEnumerable<BenchmarkReport> reports)
    {
        yield return "| step | median per page | allocated per page |";
        yield return "|---|---:|---:|";
        foreach (var r in reports.Where(r => r.Success && r.ResultStatistics is not null))
        {
            var allocated = r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0;
            yield return string.Create(CultureInfo.InvariantCulture,
                $"| {r.BenchmarkCase.Descriptor.WorkloadMethod.Name} | {r.ResultStatistics!.Median / 1000:0.0} µs | {allocated:N0} B |");
        }
    }
}
