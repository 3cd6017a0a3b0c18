using Gongkai.Building;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Building;

/// <summary>
/// Builds into one output folder take turns, within a process and across processes (<c>serve</c> and <c>build</c>):
/// each used to empty the other's staging folder, and both failed. A snapshot of the folder takes its turn too.
/// </summary>
public sealed class OutputLockTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _input;

    public OutputLockTests() => _input = _temp.CopyTree(Repo.Input, "input");

    public void Dispose() => _temp.Dispose();

    private Task<BuildResult> Build(string output, BuildMemory? memory = null) =>
        SiteBuilder.BuildAsync(new BuildOptions(_input, _temp[output], Repo.Theme, null, Search: false), memory: memory);

    [Fact]
    public async Task A_build_waits_while_another_in_this_process_holds_the_output()
    {
        var waiting = new TaskCompletionSource();
        Task<BuildResult> build;
        using (await OutputLock.AcquireAsync(_temp["out"], null, CancellationToken.None))
        {
            build = Task.Run(() => Build("out", new BuildMemory { WaitingForOtherBuild = waiting.SetResult }));
            await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await Task.Delay(200);
            Assert.False(build.IsCompleted);
        }

        Assert.True((await build).Succeeded);
    }

    [Fact]
    public async Task A_snapshot_waits_for_a_build_into_its_site_so_that_its_archive_is_the_manifests()
    {
        Assert.True((await Build("out")).Succeeded);
        Task<string> snapshot;
        using (await OutputLock.AcquireAsync(_temp["out"], null, CancellationToken.None))
        {
            snapshot = Task.Run(() => Gongkai.Archive.Snapshot.Create(_temp["out"], _temp["snapshots"], new DateOnly(2026, 11, 24)));
            await Task.Delay(300);
            Assert.False(snapshot.IsCompleted);
        }

        Assert.Empty(Gongkai.Archive.SnapshotVerifier.Verify(await snapshot));
    }

    [Fact]
    public async Task Builds_started_together_into_one_output_all_succeed_and_leave_what_a_full_build_makes()
    {
        Assert.True((await Build("out")).Succeeded);
        for (var round = 0; round < 3; round++)
        {
            File.AppendAllText(Path.Combine(_input, "regions/karamay/2023/reports/research-fund.md"), $"\n第 {round} 次补充。\n");
            var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Build("out", new BuildMemory()))));

            Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
            Assert.True((await Build($"full-{round}")).Succeeded);
            Assert.Equal(OutputTree.Hashes(_temp[$"full-{round}"]), OutputTree.Hashes(_temp["out"]));
        }
    }

    [Fact]
    public async Task A_build_in_another_process_waits_for_the_one_at_work_and_then_succeeds()
    {
        var output = _temp["out"];
        using var build = await Task.Run(async () =>
        {
            using var held = await OutputLock.AcquireAsync(output, null, CancellationToken.None);
            var process = CliProcess.Start(_temp.Path, "build", "--input", _input, "--output", output, "--theme", Repo.Theme, "--no-search");
            var firstLine = await process.StandardOutput.ReadLineAsync();
            Assert.Contains("Waiting for another build into", firstLine);
            // Still waiting while the lock is held.
            Assert.False(process.WaitForExit(500));
            return process;
        });

        var rest = await build.StandardOutput.ReadToEndAsync();
        await build.WaitForExitAsync();
        Assert.True(build.ExitCode == 0, rest + await build.StandardError.ReadToEndAsync());
        Assert.Contains("Built 39 pages", rest);
    }
}
