using System.Collections.Concurrent;

namespace Gongkai.Pipelines;

/// <summary>
/// A task scheduler with a fixed set of dedicated threads. The engine runs on it rather than the thread pool because
/// pipelines block while their documents are processed in parallel, and on a 2-core machine the pool then starves
/// (it adds threads only every half second). Tasks started from a worker thread may run inline, so nested parallel
/// loops always make progress.
/// </summary>
internal sealed class WorkerScheduler : TaskScheduler, IDisposable
{
    [ThreadStatic]
    private static WorkerScheduler? _current;

    private readonly BlockingCollection<Task> _queue = [];
    private readonly Thread[] _threads;

    /// <summary>Starts <paramref name="threads"/> worker threads.</summary>
    public WorkerScheduler(int threads)
    {
        _threads = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"gongkai-worker-{i}" };
            _threads[i].Start();
        }
    }

    /// <inheritdoc />
    public override int MaximumConcurrencyLevel => _threads.Length;

    /// <summary>Lets the threads end once the queue is empty. It does not wait for them: the caller may itself be one.</summary>
    public void Dispose() => _queue.CompleteAdding();

    /// <inheritdoc />
    protected override void QueueTask(Task task) => _queue.Add(task);

    /// <inheritdoc />
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        _current == this && TryExecuteTask(task);

    /// <inheritdoc />
    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Work()
    {
        _current = this;
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }
}
