using System.Collections.Concurrent;
using Gongkai.Pipelines;

namespace Gongkai.Tests.Pipelines;

public sealed class EngineTests
{
    private static Task<EngineResult> Run(int parallelism, params Pipeline[] pipelines) =>
        new Engine(pipelines, parallelism).RunAsync(Path.GetTempPath());

    [Fact]
    public async Task Modules_run_in_order_and_documents_keep_their_order()
    {
        var result = await Run(2, new Pipeline("P", new Emit("a", "b", "c"), new Append("1"), new Append("2")));

        Assert.Equal(["a", "b", "c"], result.Outputs["P"].Select(d => d.Destination));
        Assert.All(result.Outputs["P"], d => Assert.Equal("12", d.Content));
    }

    [Fact]
    public async Task Each_module_reports_its_documents_and_what_it_allocated_on_every_thread()
    {
        var kept = new List<byte[]>();
        var allocate = new Observe(_ =>
        {
            var bytes = new byte[100_000];
            lock (kept)
            {
                kept.Add(bytes);
            }
        });

        var result = await Run(2, new Pipeline("P", new Emit(Enumerable.Range(0, 8).Select(i => $"d{i}").ToArray()), allocate, new Append("!")),
            new Pipeline("Q", new Emit("q")).After("P"));

        Assert.Equal([("P", "Emit", 8), ("P", "Observe", 8), ("P", "Append", 8), ("Q", "Emit", 1)],
            result.Modules.Select(m => (m.Pipeline, m.Module, m.Documents)));
        var observe = result.Modules[1];
        Assert.InRange(observe.Allocated, 8 * 100_000, 8 * 100_000 + 64_000);
        Assert.True(observe.Elapsed > TimeSpan.Zero);
        Assert.Equal(8, kept.Count);
    }

    [Fact]
    public async Task A_pipeline_sees_the_outputs_of_its_dependency()
    {
        var result = await Run(2,
            new Pipeline("Home", new FromDependency("Pages")).After("Pages"),
            new Pipeline("Pages", new Emit("x", "y"), new Append("!")));

        Assert.Equal(["seen:x", "seen:y"], result.Outputs["Home"].Select(d => d.Destination));
        Assert.All(result.Outputs["Home"], d => Assert.Equal("!", d.Content));
    }

    [Fact]
    public async Task A_dependent_pipeline_starts_only_after_its_dependency_finished()
    {
        var finished = new ConcurrentQueue<string>();
        var slow = new Observe(d =>
        {
            Thread.Sleep(50);
            finished.Enqueue("Pages:" + d.Destination);
        });
        var home = new Observe(d => finished.Enqueue("Home:" + d.Destination));

        await Run(2,
            new Pipeline("Home", new Emit("h"), home).After("Pages"),
            new Pipeline("Pages", new Emit("p1", "p2", "p3"), slow));

        Assert.Equal("Home:h", finished.Last());
        Assert.Equal(4, finished.Count);
    }

    [Fact]
    public async Task Reading_an_undeclared_dependency_fails()
    {
        var error = await Assert.ThrowsAsync<PipelineException>(() => Run(1,
            new Pipeline("Pages", new Emit("p")),
            new Pipeline("Home", new FromDependency("Pages"))));

        Assert.Contains("without declaring it as a dependency", error.Message);
    }

    [Fact]
    public async Task Documents_are_processed_in_parallel_up_to_the_limit()
    {
        var running = 0;
        var peak = 0;
        var gate = new Observe(_ =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            Thread.Sleep(40);
            Interlocked.Decrement(ref running);
        });
        var names = Enumerable.Range(0, 12).Select(i => $"d{i}").ToArray();

        await Run(2, new Pipeline("P", new Emit(names), gate));
        Assert.Equal(2, peak);

        peak = 0;
        await Run(1, new Pipeline("P", new Emit(names), gate));
        Assert.Equal(1, peak);
    }

    [Fact]
    public async Task Independent_pipelines_run_at_the_same_time()
    {
        using var bothStarted = new CountdownEvent(2);
        var meet = new Observe(_ =>
        {
            bothStarted.Signal();
            Assert.True(bothStarted.Wait(TimeSpan.FromSeconds(10)), "the other pipeline never started");
        });

        await Run(2, new Pipeline("A", new Emit("a"), meet), new Pipeline("B", new Emit("b"), meet));
    }

    [Fact]
    public async Task A_failing_module_stops_the_build_and_names_pipeline_module_and_document()
    {
        var afterFailure = 0;
        var error = await Assert.ThrowsAsync<PipelineException>(() => Run(2,
            new Pipeline("Reports", new Emit("r1", "r2", "r3"), new FailOn("r2"), new Append("x")),
            new Pipeline("Home", new Emit("h"), new Observe(_ => Interlocked.Increment(ref afterFailure))).After("Reports")));

        Assert.Equal("Reports", error.PipelineName);
        Assert.Equal(nameof(FailOn), error.ModuleName);
        Assert.Equal("r2", error.DocumentName);
        Assert.Equal("pipeline 'Reports', module 'FailOn', document 'r2': bad value in r2", error.Message);
        Assert.Equal(0, afterFailure);
    }

    [Fact]
    public void Cycles_unknown_dependencies_and_duplicate_names_are_rejected_before_running()
    {
        var cycle = Assert.Throws<InvalidOperationException>(() => new Engine(
            [new Pipeline("A", new Emit()).After("B"), new Pipeline("B", new Emit()).After("A")], 1));
        Assert.Contains("cycle: A → B → A", cycle.Message);

        var unknown = Assert.Throws<InvalidOperationException>(() => new Engine([new Pipeline("A", new Emit()).After("Nope")], 1));
        Assert.Contains("depends on 'Nope', which does not exist", unknown.Message);

        var duplicate = Assert.Throws<InvalidOperationException>(() => new Engine([new Pipeline("A", new Emit()), new Pipeline("A", new Emit())], 1));
        Assert.Contains("two pipelines are named 'A'", duplicate.Message);
    }

    [Fact]
    public void Order_puts_dependencies_first_and_breaks_ties_by_name()
    {
        var order = PipelineGraph.Order(
        [
            new Pipeline("Home", new Emit()).After("Regions", "Assets"),
            new Pipeline("Regions", new Emit()),
            new Pipeline("Assets", new Emit()),
            new Pipeline("Data", new Emit()),
        ]);

        Assert.Equal(["Assets", "Data", "Regions", "Home"], order.Select(p => p.Name));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
