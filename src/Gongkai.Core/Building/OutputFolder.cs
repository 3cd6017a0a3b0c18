using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Gongkai.Building;

/// <summary>
/// The output folder, written through a staging folder beside it, so a failed build leaves the previous site exactly as
/// it was. A full build swaps the whole staging folder in; a build that changed a few files moves just those into place
/// (each with one rename), keeping what it replaced until the build is done so it can be put back.
/// </summary>
public sealed class OutputFolder
{
    // Threads deleting a folder's subtrees at once: they wait for the disk, not for a core.
    private const int Deleters = 8;

    // Subtrees few enough to delete on the calling thread alone.
    private const int FewSubtrees = 4;

    // Between an output folder's name and a number: the name of a site it replaced, to be deleted (see DiscardPrefix).
    private const string DiscardMark = ".discarded-";

    private readonly string _target;

    // Files moved into the output by ApplyChanges, in order, and whether each replaced one (now kept under Previous).
    private readonly List<(string Relative, bool Replaced)> _applied = [];

    private readonly HashSet<string> _changedFolders = new(StringComparer.Ordinal);

    // Whether Commit moved a whole site aside (into Previous), which Finish may leave to another process to delete.
    private bool _replacedSite;

    /// <summary>Prepares to write <paramref name="target"/>.</summary>
    public OutputFolder(string target)
    {
        _target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var parent = Path.GetDirectoryName(_target) ?? throw new ArgumentException("the output folder cannot be a file-system root", nameof(target));
        var name = Path.GetFileName(_target);
        Staging = Path.Combine(parent, $".{name}.staging");
        Previous = Path.Combine(parent, $".{name}.previous");
        DiscardPrefix = Path.Combine(parent, $".{name}{DiscardMark}");
    }

    /// <summary>Where the new site is written before the swap.</summary>
    public string Staging { get; }

    private string Previous { get; }

    // A replaced site handed to Finish's discardOldSite is first renamed to this plus a number: out of the way of the next
    // build's Previous, and found by BeginStaging if whoever was to delete it did not finish.
    private string DiscardPrefix { get; }

    /// <summary>
    /// Every folder <see cref="ApplyChanges"/> put a file into or took one out of, and those above them (relative, with
    /// '/'; the output folder itself is ""): the only folders whose modification time it may have changed.
    /// </summary>
    public IReadOnlySet<string> ChangedFolders => _changedFolders;

    /// <summary>
    /// Why this folder must not be used as output, or null when it is safe: it must not be, or contain, a protected
    /// folder (input, theme), nor be a repository (everything in it would be replaced).
    /// </summary>
    public string? Refusal(params (string Name, string Path)[] protectedFolders)
    {
        if (Directory.Exists(Path.Combine(_target, ".git")) || File.Exists(Path.Combine(_target, ".git")))
        {
            return $"the output folder {_target} is a repository (it has .git); choose another output folder";
        }

        foreach (var (name, path) in protectedFolders)
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
            if (full == _target || full.StartsWith(_target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return $"the output folder {_target} is or contains the {name} folder {full}; choose another output folder";
            }
        }

        return null;
    }

    /// <summary>Creates an empty staging folder, removing what a crashed build left, and old sites left undeleted.</summary>
    public void BeginStaging()
    {
        DeleteIfExists(Staging);
        DeleteIfExists(Previous);
        var parent = Path.GetDirectoryName(DiscardPrefix)!;
        foreach (var discarded in Directory.Exists(parent) ? Directory.EnumerateDirectories(parent, Path.GetFileName(DiscardPrefix) + "*") : [])
        {
            if (IsDiscarded(discarded))
            {
                DeleteIfExists(discarded);
            }
        }

        Directory.CreateDirectory(Staging);
    }

    /// <summary>Replaces the output folder with the staging folder; the old one is deleted by <see cref="Finish"/>.</summary>
    public void Commit()
    {
        DeleteIfExists(Previous);
        if (Directory.Exists(_target))
        {
            Directory.Move(_target, Previous);
            _replacedSite = true;
        }

        Directory.Move(Staging, _target);
    }

    /// <summary>
    /// Moves every file of the staging folder that differs from the output's into the output folder (one that is the same
    /// is left alone) and removes <paramref name="removed"/> (relative
    /// paths with '/'); returns how the output's file count and size changed. What is replaced or removed is kept
    /// until <see cref="FinishChanges"/>, for <see cref="RollBack"/>.
    /// </summary>
    public (int Files, long Bytes) ApplyChanges(IEnumerable<string> removed)
    {
        var files = 0;
        var bytes = 0L;
        foreach (var file in new DirectoryInfo(Staging).EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Staging, file.FullName);
            if (SameBytes(file, Path.Combine(_target, relative)))
            {
                // Left as it is: its date stays, so caches and mirrors see no change.
                file.Delete();
                continue;
            }

            bytes += file.Length;
            var (replacedBytes, replaced) = Set(relative, file.FullName);
            files += replaced ? 0 : 1;
            bytes -= replacedBytes;
        }

        foreach (var relative in removed)
        {
            var (removedBytes, existed) = Set(relative.Replace('/', Path.DirectorySeparatorChar), null);
            files -= existed ? 1 : 0;
            bytes -= removedBytes;
            RemoveEmptyFolders(Path.GetDirectoryName(Path.Combine(_target, relative))!);
        }

        return (files, bytes);
    }

    /// <summary>Puts back what <see cref="ApplyChanges"/> replaced or removed, after a later step of the build failed.</summary>
    public void RollBack()
    {
        for (var i = _applied.Count - 1; i >= 0; i--)
        {
            var (relative, replaced) = _applied[i];
            var target = Path.Combine(_target, relative);
            if (replaced)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(Path.Combine(Previous, relative), target, overwrite: true);
            }
            else if (File.Exists(target))
            {
                File.Delete(target);
            }
        }

        _applied.Clear();
        DeleteIfExists(Previous);
        DeleteIfExists(Staging);
    }

    /// <summary>
    /// Deletes, once the build has succeeded, the output <see cref="Commit"/> replaced, or what <see cref="ApplyChanges"/>
    /// kept for a roll-back. With <paramref name="discardOldSite"/>, a replaced site is renamed out of the way instead and
    /// that is given its folder to delete (see <see cref="DeleteDiscarded"/>).
    /// </summary>
    public void Finish(Action<string>? discardOldSite = null)
    {
        _applied.Clear();
        if (_replacedSite && discardOldSite is not null && Directory.Exists(Previous))
        {
            var discarded = DiscardPrefix + Environment.ProcessId;
            for (var n = 1; Directory.Exists(discarded); n++)
            {
                discarded = $"{DiscardPrefix}{Environment.ProcessId}-{n}";
            }

            Directory.Move(Previous, discarded);
            discardOldSite(discarded);
        }
        else
        {
            DeleteIfExists(Previous);
        }

        _replacedSite = false;
        DeleteIfExists(Staging);
    }

    /// <summary>
    /// Deletes a folder <see cref="Finish"/> handed on; refuses any other (a hidden folder named after an output folder,
    /// ".discarded-", and digits), so a wrong path deletes nothing. Another process deleting it at the same time is no error.
    /// </summary>
    public static void DeleteDiscarded(string folder)
    {
        if (!IsDiscarded(folder))
        {
            throw new ArgumentException($"{folder} is not an old site an output folder left to delete (.NAME{DiscardMark}NUMBER)");
        }

        DeleteIfExists(folder);
    }

    private static bool IsDiscarded(string folder)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        var mark = name.LastIndexOf(DiscardMark, StringComparison.Ordinal);
        return name.StartsWith('.') && mark >= 2 && name.Length > mark + DiscardMark.Length &&
            name[(mark + DiscardMark.Length)..].All(c => char.IsAsciiDigit(c) || c == '-');
    }

    // Keeps a copy of the output's file at relative (if any) in Previous, then renames the new file over it (one atomic
    // step: a reader sees the old file or the new one, never none) or, with no new file, moves the old one away.
    private (long OldBytes, bool Existed) Set(string relative, string? newFile)
    {
        var target = Path.Combine(_target, relative);
        var old = new FileInfo(target);
        var existed = old.Exists;
        var oldBytes = existed ? old.Length : 0;
        if (existed)
        {
            var kept = Path.Combine(Previous, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
            if (newFile is null)
            {
                File.Move(target, kept);
            }
            else
            {
                File.Copy(target, kept);
            }
        }

        if (newFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(newFile, target, overwrite: true);
        }

        _applied.Add((relative, existed));
        // Its folder and those above it; once one is known, so are the rest.
        var folder = Path.GetDirectoryName(relative) ?? "";
        while (_changedFolders.Add(folder.Replace('\\', '/')) && folder.Length > 0)
        {
            folder = Path.GetDirectoryName(folder) ?? "";
        }

        return (oldBytes, existed);
    }

    // Compared a block at a time: the site-wide files an incremental build makes again are the largest (7.6 MB of
    // catalogue on 10,000 reports), and reading them whole made large-object garbage on every rebuild.
    private static bool SameBytes(FileInfo file, string other)
    {
        var existing = new FileInfo(other);
        if (!existing.Exists || existing.Length != file.Length)
        {
            return false;
        }

        using var a = File.OpenHandle(file.FullName);
        using var b = File.OpenHandle(other);
        Span<byte> blockA = stackalloc byte[16384];
        Span<byte> blockB = stackalloc byte[16384];
        for (long offset = 0; offset < file.Length;)
        {
            var read = RandomAccess.Read(a, blockA, offset);
            if (read == 0 || RandomAccess.Read(b, blockB[..read], offset) != read || !blockA[..read].SequenceEqual(blockB[..read]))
            {
                return false;
            }

            offset += read;
        }

        return true;
    }

    private void RemoveEmptyFolders(string folder)
    {
        while (folder.Length > _target.Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder)!;
        }
    }

    /// <summary>Removes the staging folder after a failed build; the output folder is untouched.</summary>
    public void Abandon() => DeleteIfExists(Staging);

    // Deleting a site is mostly waiting for the disk (on L, 21,000 files and folders took 5–7 s here, one at a time), so
    // the folders two levels down (a region's) are deleted by several threads at once, to keep more of it in flight.
    private static void DeleteIfExists(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        ConcurrentQueue<string> subtrees;
        try
        {
            subtrees = new(Folders(new DirectoryInfo(folder)).SelectMany(Folders).Select(f => f.FullName));
        }
        catch (DirectoryNotFoundException)
        {
            // Something in it went while it was listed (another process deleting it, see DeleteTree): the rest at once.
            subtrees = [];
        }

        // This thread deletes too. What staging holds after a rebuild that changed a few files (a subtree or two) is deleted
        // by it alone: starting threads for them took longer than deleting them.
        var helpers = subtrees.Count <= FewSubtrees ? [] : Enumerable.Range(1, Math.Min(Deleters, subtrees.Count) - 1)
            .Select(_ => Task.Factory.StartNew(Delete, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        try
        {
            Delete();
        }
        finally
        {
            try
            {
                Task.WaitAll(helpers);
            }
            catch (AggregateException e)
            {
                ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }
        }

        DeleteTree(folder);

        void Delete()
        {
            while (subtrees.TryDequeue(out var subtree))
            {
                DeleteTree(subtree);
            }
        }

        // A link to a folder is not a subtree to empty: the last Delete removes the link and leaves what it leads to.
        static IEnumerable<DirectoryInfo> Folders(DirectoryInfo parent) =>
            parent.EnumerateDirectories().Where(f => !f.Attributes.HasFlag(FileAttributes.ReparsePoint));
    }

    // A folder another process deletes at the same time (an old site's deleter and the next build's BeginStaging) is
    // deleted all the same: what the other took first is gone, as asked. A folder of it going while this one lists it
    // fails the recursive delete (of the subtree, not the folder), so it tries again on what is left.
    private static void DeleteTree(string folder)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
                return;
            }
            catch (IOException) when (!Directory.Exists(folder))
            {
                return;
            }
            catch (IOException) when (attempt < 10)
            {
                // Something under it went while it was listed: once more.
            }
        }
    }
}
