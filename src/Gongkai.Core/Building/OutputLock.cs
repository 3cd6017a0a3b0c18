using System.Collections.Concurrent;

namespace Gongkai.Building;

/// <summary>
/// One build at a time into an output folder, in this process and across processes (<c>serve</c> rebuilding while
/// <c>build</c> runs into the same folder): each build emptied the other's staging folder and both failed, or worse.
/// Across processes the lock is a record lock on <c>.gongkai-cache/&lt;output&gt;.lock</c> beside the output, which the
/// system releases when its process ends, however it ends; such locks belong to a process, so builds within one
/// process take turns by a semaphore first.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> InProcess = new(StringComparer.Ordinal);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private readonly SemaphoreSlim _turn;
    private readonly FileStream? _file;

    private OutputLock(SemaphoreSlim turn, FileStream? file) => (_turn, _file) = (turn, file);

    /// <summary>
    /// Waits until no other build writes into <paramref name="output"/>, then holds it; <paramref name="waiting"/> is told
    /// once when another build is found at work. A folder without a parent (a file system's root) is held in this
    /// process only, as is any where the lock file cannot be made (the build then fails on its own errors, as before).
    /// </summary>
    public static async Task<OutputLock> AcquireAsync(string output, Action? waiting, CancellationToken cancellationToken)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        var turn = InProcess.GetOrAdd(full, _ => new SemaphoreSlim(1, 1));
        var told = false;
        void Tell()
        {
            if (!told)
            {
                told = true;
                waiting?.Invoke();
            }
        }

        if (!turn.Wait(0))
        {
            Tell();
            await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        FileStream? file = null;
        try
        {
            file = Open(full);
            while (file is not null && !TryLock(file))
            {
                Tell();
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }

            return new OutputLock(turn, file);
        }
        catch
        {
            file?.Dispose();
            turn.Release();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Closing the file releases its lock.
        _file?.Dispose();
        _turn.Release();
    }

    private static FileStream? Open(string output)
    {
        if (Path.GetDirectoryName(output) is not { Length: > 0 } parent)
        {
            return null;
        }

        try
        {
            var cache = Directory.CreateDirectory(Path.Combine(parent, ".gongkai-cache"));
            return new FileStream(Path.Combine(cache.FullName, Path.GetFileName(output) + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // .NET has no record locks on macOS: there, builds only take turns within a process.
    private static bool TryLock(FileStream file)
    {
        if (OperatingSystem.IsMacOS())
        {
            return true;
        }

        try
        {
            file.Lock(0, 1);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
