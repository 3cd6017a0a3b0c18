using System.Collections.Concurrent;
using System.Diagnostics;

namespace Gongkai.Pipelines;

/// <summary>
/// What a finished engine run produced: each pipeline's output documents, how long it took, and what each of its modules
/// cost (<see cref="Modules"/>, in pipeline order).
/// </summary>
public sealed record EngineResult(
    IReadOnlyDictionary<string, IReadOnlyList<Document>> Outputs, IReadOnlyDictionary<string, TimeSpan> Durations, IReadOnlyList<ModuleTime> Modules);

/// <summary>
/// What one module of a pipeline cost over a run: documents it made or changed, time summed over the threads that ran
/// it, and bytes those threads allocated in it (exact, so comparable between runs on a noisy machine).
/// </summary>
public sealed record ModuleTime(string Pipeline, string Module, int Documents, TimeSpan Elapsed, long Allocated);

/// <summary>Reported as each pipeline finishes.</summary>
public sealed record PipelineFinished(string Name, int Documents, int Finished, int Total);

/// <summary>
/// Runs pipelines: each starts when its dependencies are done, independent ones run at the same time, and documents
/// inside a pipeline are processed in parallel. All work runs on <c>parallelism</c> dedicated threads.
/// The first failure cancels the rest and is thrown as a <see cref="PipelineException"/>.
/// </summary>
public sealed class Engine
{
    private readonly IReadOnlyList<Pipeline> _ordered;
    private readonly int _parallelism;

    /// <summary>Checks the pipelines (names, dependencies, cycles) and prepares a run.</summary>
    public Engine(IReadOnlyList<Pipeline> pipelines, int parallelism)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        _ordered = PipelineGraph.Order(pipelines);
        _parallelism = parallelism;
    }

    /// <summary>Runs every pipeline, writing under <paramref name="outputRoot"/>.</summary>
    public async Task<EngineResult> RunAsync(string outputRoot, IProgress<PipelineFinished>? progress = null, CancellationToken cancellationToken = default)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var scheduler = new WorkerScheduler(_parallelism);
        var outputs = new ConcurrentDictionary<string, IReadOnlyList<Document>>(StringComparer.Ordinal);
        var durations = new ConcurrentDictionary<string, TimeSpan>(StringComparer.Ordinal);
        var modules = new ConcurrentDictionary<string, IReadOnlyList<ModuleTime>>(StringComparer.Ordinal);
        var tasks = new Dictionary<string, Task>(StringComparer.Ordinal);
        var finished = 0;

        foreach (var pipeline in _ordered)
        {
            var dependencies = pipeline.DependsOn.Select(d => tasks[d]).ToArray();
            tasks[pipeline.Name] = RunOne(pipeline, dependencies);
        }

        try
        {
            await Task.WhenAll(tasks.Values).ConfigureAwait(false);
        }
        catch
        {
            // Report the failure that caused the others to be cancelled, not a cancellation.
            var failures = tasks.Values.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).ToList();
            var first = failures.FirstOrDefault(e => e is PipelineException) ?? failures.FirstOrDefault();
            if (first is not null)
            {
                throw first;
            }

            throw;
        }

        return new EngineResult(
            outputs.ToDictionary(StringComparer.Ordinal),
            durations.ToDictionary(StringComparer.Ordinal),
            [.. _ordered.SelectMany(p => modules[p.Name])]);

        async Task RunOne(Pipeline pipeline, Task[] dependencies)
        {
            await Task.WhenAll(dependencies).ConfigureAwait(false);
            cancel.Token.ThrowIfCancellationRequested();
            var context = new ExecutionContext(pipeline, outputRoot, _parallelism, scheduler, cancel.Token, outputs);
            var watch = Stopwatch.StartNew();
            try
            {
                var (result, costs) = await Task.Factory.StartNew(() => Execute(pipeline, context), cancel.Token, TaskCreationOptions.DenyChildAttach, scheduler)
                    .ConfigureAwait(false);
                outputs[pipeline.Name] = result;
                modules[pipeline.Name] = costs;
                durations[pipeline.Name] = watch.Elapsed;
                progress?.Report(new PipelineFinished(pipeline.Name, result.Count, Interlocked.Increment(ref finished), _ordered.Count));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await cancel.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    private static (IReadOnlyList<Document> Documents, IReadOnlyList<ModuleTime> Costs) Execute(Pipeline pipeline, ExecutionContext context)
    {
        IReadOnlyList<Document> documents = [];
        var modules = pipeline.Modules;
        var costs = modules.Select(_ => new Cost()).ToArray();
        for (var i = 0; i < modules.Count;)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (modules[i] is DocumentModule)
            {
                var run = modules.Skip(i).TakeWhile(m => m is DocumentModule).Cast<DocumentModule>().ToArray();
                documents = ExecuteFused(pipeline, run, costs[i..(i + run.Length)], documents, context);
                i += run.Length;
            }
            else
            {
                documents = ExecuteStream(pipeline, modules[i], costs[i], documents, context);
                i++;
            }
        }

        return (documents, [.. modules.Select((m, i) => costs[i].Of(pipeline.Name, m.Name))]);
    }

    private static IReadOnlyList<Document> ExecuteStream(Pipeline pipeline, Module module, Cost cost, IReadOnlyList<Document> documents, ExecutionContext context)
    {
        try
        {
            var start = cost.Start();
            var result = module.Execute(documents, context);
            cost.Add(start, result.Count);
            return result;
        }
        catch (Exception e) when (e is not (OperationCanceledException or PipelineException))
        {
            throw new PipelineException(pipeline.Name, module.Name, null, e);
        }
    }

    private static Document[] ExecuteFused(Pipeline pipeline, DocumentModule[] run, Cost[] costs, IReadOnlyList<Document> documents, ExecutionContext context)
    {
        var results = new Document[documents.Count];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = context.Parallelism,
            CancellationToken = context.CancellationToken,
            TaskScheduler = context.Scheduler,
        };
        try
        {
            Parallel.For(0, documents.Count, options, index =>
            {
                var document = documents[index];
                for (var m = 0; m < run.Length; m++)
                {
                    if (document.Unchanged)
                    {
                        break;
                    }

                    try
                    {
                        var start = costs[m].Start();
                        document = run[m].Execute(document, context);
                        costs[m].Add(start, 1);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        throw new PipelineException(pipeline.Name, run[m].Name, document.Source ?? document.Destination, e);
                    }
                }

                results[index] = document;
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<PipelineException>().Any())
        {
            throw e.InnerExceptions.OfType<PipelineException>().OrderBy(p => p.DocumentName, StringComparer.Ordinal).First();
        }

        return results;
    }

    // A module's totals, added to from every thread that runs it.
    private sealed class Cost
    {
        private long _ticks;
        private long _allocated;
        private int _documents;

        public (long Ticks, long Allocated) Start() => (Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());

        public void Add((long Ticks, long Allocated) start, int documents)
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start.Ticks);
            Interlocked.Add(ref _allocated, GC.GetAllocatedBytesForCurrentThread() - start.Allocated);
            Interlocked.Add(ref _documents, documents);
        }

        public ModuleTime Of(string pipeline, string module) =>
            new(pipeline, module, _documents, Stopwatch.GetElapsedTime(0, _ticks), _allocated);
    }

    private sealed class ExecutionContext(
        Pipeline pipeline,
        string outputRoot,
        int parallelism,
        TaskScheduler scheduler,
        CancellationToken cancellationToken,
        ConcurrentDictionary<string, IReadOnlyList<Document>> outputs) : IExecutionContext
    {
        public string PipelineName => pipeline.Name;

        public string OutputRoot => outputRoot;

        public int Parallelism => parallelism;

        public TaskScheduler Scheduler => scheduler;

        public CancellationToken CancellationToken => cancellationToken;

        public IReadOnlyList<Document> OutputsOf(string pipelineName)
        {
            if (!pipeline.DependsOn.Contains(pipelineName, StringComparer.Ordinal))
            {
                throw new InvalidOperationException($"pipeline '{pipeline.Name}' reads '{pipelineName}' without declaring it as a dependency");
            }

            return outputs[pipelineName];
        }
    }
}
