using System.Collections.Concurrent;
using System.Diagnostics;

namespace Gongkai.Pipelines;

/// <summary>What a finished engine run produced: each pipeline's output documents and how long it took.</summary>
public sealed record EngineResult(IReadOnlyDictionary<string, IReadOnlyList<Document>> Outputs, IReadOnlyDictionary<string, TimeSpan> Durations);

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
            durations.ToDictionary(StringComparer.Ordinal));

        async Task RunOne(Pipeline pipeline, Task[] dependencies)
        {
            await Task.WhenAll(dependencies).ConfigureAwait(false);
            cancel.Token.ThrowIfCancellationRequested();
            var context = new ExecutionContext(pipeline, outputRoot, _parallelism, scheduler, cancel.Token, outputs);
            var watch = Stopwatch.StartNew();
            try
            {
                var result = await Task.Factory.StartNew(() => Execute(pipeline, context), cancel.Token, TaskCreationOptions.DenyChildAttach, scheduler)
                    .ConfigureAwait(false);
                outputs[pipeline.Name] = result;
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

    private static IReadOnlyList<Document> Execute(Pipeline pipeline, ExecutionContext context)
    {
        IReadOnlyList<Document> documents = [];
        var modules = pipeline.Modules;
        for (var i = 0; i < modules.Count;)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (modules[i] is DocumentModule)
            {
                var run = modules.Skip(i).TakeWhile(m => m is DocumentModule).Cast<DocumentModule>().ToArray();
                documents = ExecuteFused(pipeline, run, documents, context);
                i += run.Length;
            }
            else
            {
                documents = ExecuteStream(pipeline, modules[i], documents, context);
                i++;
            }
        }

        return documents;
    }

    private static IReadOnlyList<Document> ExecuteStream(Pipeline pipeline, Module module, IReadOnlyList<Document> documents, ExecutionContext context)
    {
        try
        {
            return module.Execute(documents, context);
        }
        catch (Exception e) when (e is not (OperationCanceledException or PipelineException))
        {
            throw new PipelineException(pipeline.Name, module.Name, null, e);
        }
    }

    private static Document[] ExecuteFused(Pipeline pipeline, DocumentModule[] run, IReadOnlyList<Document> documents, ExecutionContext context)
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
                foreach (var module in run)
                {
                    if (document.Unchanged)
                    {
                        break;
                    }

                    try
                    {
                        document = module.Execute(document, context);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        throw new PipelineException(pipeline.Name, module.Name, document.Source ?? document.Destination, e);
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
