using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Gongkai.Building;

/// <summary>
/// The modification times of folders under one root, and a hash of them: a stat each (from its parent folder's handle
/// where the system allows it: see <see cref="FolderStat"/>), where listing every folder of 10,000 reports' output costs 0.25 s.
/// Looked up on a thread of the pool from when they are started, beside whatever the caller does, and by the thread
/// that waits for them: a wait shares out the lookups left, so no core idles while a build waits for the answer.
/// </summary>
internal sealed class FolderTimes
{
    // Folders taken at a time: about a hundred microseconds of lookups, the most a waiter waits for the other thread's last.
    private const int Chunk = 64;

    private readonly string _root;
    private readonly IReadOnlyList<string> _folders;
    private readonly Func<int, long?>? _known;
    private readonly CancellationToken _cancel;
    private readonly long[] _ticks;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _next;
    private int _left;

    private FolderTimes(string root, IReadOnlyList<string> folders, Func<int, long?>? known, CancellationToken cancel)
    {
        (_root, _folders, _known, _cancel) = (root, folders, known, cancel);
        _ticks = new long[folders.Count];
        _left = folders.Count;
    }

    /// <summary>
    /// Starts looking up the times of <paramref name="folders"/> (relative to <paramref name="root"/>; "" for the root),
    /// but of those <paramref name="known"/> gives (by index). Stopped when <paramref name="cancel"/> is cancelled.
    /// </summary>
    public static FolderTimes Start(string root, IReadOnlyList<string> folders, Func<int, long?>? known = null, CancellationToken cancel = default)
    {
        var times = new FolderTimes(root, folders, known, cancel);
        if (folders.Count == 0)
        {
            times._done.SetResult();
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(static t => t.Work(), times, preferLocal: false);
        }

        return times;
    }

    /// <summary>
    /// The times, in the folders' order, and their hash, once every folder is looked up; the calling thread looks up those
    /// left meanwhile. Throws <see cref="OperationCanceledException"/> when stopped first, or what a lookup threw.
    /// </summary>
    public (string Hash, long[] Ticks) Wait()
    {
        Work();
        _done.Task.GetAwaiter().GetResult();
        return (Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(_ticks.AsSpan()))), _ticks);
    }

    private void Work()
    {
        Lookups? lookups = null;
        try
        {
            while (!_cancel.IsCancellationRequested)
            {
                var start = Interlocked.Add(ref _next, Chunk) - Chunk;
                if (start >= _ticks.Length)
                {
                    return;
                }

                lookups ??= new Lookups(_root);
                var end = Math.Min(start + Chunk, _ticks.Length);
                for (var i = start; i < end; i++)
                {
                    _ticks[i] = _known?.Invoke(i) ?? lookups.Modified(_folders[i]);
                }

                if (Interlocked.Add(ref _left, start - end) == 0)
                {
                    _done.TrySetResult();
                }
            }

            _done.TrySetCanceled(_cancel);
        }
        catch (Exception e)
        {
            // On a thread of the pool, an exception would end the process: the waiter throws it instead.
            _done.TrySetException(e);
        }
        finally
        {
            lookups?.Dispose();
        }
    }

    // One thread's lookups. A folder is looked up by its name from its parent's handle, opened once for the folders after
    // it that share it (their order is ordinal, so siblings come together): a lookup by the path from the root walked every
    // folder above it again (9,800 folders of 10,000 reports: 39 to 28 ms).
    private sealed class Lookups(string root) : IDisposable
    {
        private readonly FolderStat? _root = FolderStat.Open(root);
        private string _parent = "";
        private FolderStat? _inParent;

        public long Modified(string folder)
        {
            var slash = folder.LastIndexOf('/');
            if (_root is not null && slash > 0)
            {
                var parent = folder.AsSpan(0, slash);
                if (!parent.SequenceEqual(_parent))
                {
                    _inParent?.Dispose();
                    (_parent, _inParent) = (parent.ToString(), _root.OpenFolder(parent));
                }

                if (_inParent is not null && _inParent.TryGet(folder.AsSpan(slash + 1), out _, out var inParent))
                {
                    return inParent;
                }
            }

            return _root is not null && _root.TryGet(folder.Length == 0 ? "." : folder, out _, out var modified)
                ? modified
                : Directory.GetLastWriteTimeUtc(Path.Join(root, folder)).Ticks;
        }

        public void Dispose()
        {
            _inParent?.Dispose();
            _root?.Dispose();
        }
    }
}
