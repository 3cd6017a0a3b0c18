using System.Collections.Concurrent;
using System.IO.Enumeration;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using Gongkai.Archive;
using Gongkai.Building;

namespace Gongkai.Input;

/// <summary>
/// What a file's SHA-256 was when it had this size and modification time (UTC ticks; <see cref="Unsettled"/> for a file
/// changed just before it was looked at, whose hash is only compared, never trusted for its size and time).
/// </summary>
public sealed record InputStat(long Length, long Modified, byte[] Hash)
{
    /// <summary>The time of a file that had not settled: no file has it, so the next build hashes the file again.</summary>
    public const long Unsettled = -1;

    /// <summary>The same size, time and hash.</summary>
    public bool Equals(InputStat? other) =>
        other is not null && Length == other.Length && Modified == other.Modified && Hash.AsSpan().SequenceEqual(other.Hash);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Length, Modified);
}

/// <summary>A file of an input folder as it was listed: relative path (with '/'), size, modification time (UTC ticks).</summary>
public sealed record ListedFile(string Relative, long Length, long Modified);

/// <summary>
/// The files of an input folder (absolute <paramref name="Root"/>) as listed at one moment, in ordinal path order;
/// a file modified at or after <paramref name="Settled"/> (UTC ticks) had not settled then.
/// </summary>
public sealed record InputListing(string Root, IReadOnlyList<ListedFile> Files, long Settled)
{
    /// <summary>
    /// The absolute path of <paramref name="file"/>: made when a file is read, not for every file listed (10,000 paths a
    /// build, of which a rebuild after one change reads one).
    /// </summary>
    public string FullPath(ListedFile file) => Path.Join(Root, file.Relative);
}

/// <summary>
/// Every file of an input folder: its SHA-256 for the build keys and build-info.json, in ordinal path order, and its
/// bytes for the reader. A file is read once: when it is hashed, or, when its size and modification time are
/// those the last build recorded (<c>known</c>) and it keeps its recorded hash, only if asked for (<see cref="Bytes"/>,
/// <see cref="ReadAll"/>), so a build that finds nothing changed reads no input at all.
/// </summary>
public sealed class InputFiles
{
    // A file changed within this long of being looked at could change again within the file system's time resolution
    // without its modification time moving, so its size and time are not trusted next time (as git does with its index).
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(2);

    private readonly string _root;
    private readonly ConcurrentDictionary<string, ReadOnlyMemory<byte>> _bytes;

    private InputFiles(string root, IReadOnlyList<FileHash> hashes, IReadOnlyDictionary<string, InputStat> stats, ConcurrentDictionary<string, ReadOnlyMemory<byte>> bytes,
        IReadOnlyList<string> changed, int unknown)
    {
        _root = root;
        Hashes = hashes;
        Hash = BuildInfo.TreeHash(hashes);
        Stats = stats;
        _bytes = bytes;
        Changed = changed;
        Unknown = unknown;
    }

    /// <summary>Each file's relative path (with '/') and hash, in ordinal path order.</summary>
    public IReadOnlyList<FileHash> Hashes { get; }

    /// <summary>The tree hash of the whole input (see <see cref="BuildInfo.TreeHash(IEnumerable{FileHash})"/>).</summary>
    public string Hash { get; }

    /// <summary>
    /// Size, time and hash of each file, for the next build's <see cref="Read"/>: the time of a file that had not settled
    /// when it was looked at is <see cref="InputStat.Unsettled"/>.
    /// </summary>
    public IReadOnlyDictionary<string, InputStat> Stats { get; }

    /// <summary>
    /// The files whose hash is not the one the known hashes given to <see cref="Read(InputListing, IReadOnlyDictionary{string, InputStat}?)"/>
    /// had for them, in path order (files they did not have are counted in <see cref="Unknown"/> instead): what changed
    /// since the build that recorded them, found while hashing, not by looking up every file again.
    /// </summary>
    public IReadOnlyList<string> Changed { get; }

    /// <summary>How many files the known hashes did not have.</summary>
    public int Unknown { get; }

    /// <summary>
    /// Hashes every file under <paramref name="root"/> (a folder that does not exist has no files), taking the hash from
    /// <paramref name="known"/> for a file whose size and modification time match it.
    /// </summary>
    public static InputFiles Read(string root, IReadOnlyDictionary<string, InputStat>? known = null) => Read(List(root), known);

    /// <summary>
    /// Every file under <paramref name="root"/> with its size and modification time, in ordinal path order: what
    /// <see cref="Read(InputListing, IReadOnlyDictionary{string, InputStat}?)"/> compares with the last build's record.
    /// </summary>
    public static InputListing List(string root)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            return new InputListing(full, [], 0);
        }

        var settled = (DateTime.UtcNow - Settled).Ticks;
        var files = Enumerate(full, full);
        files.Sort(ByPath);
        return new InputListing(full, files, settled);
    }

    /// <summary>
    /// The listing of the same folder as <paramref name="earlier"/>, now, when only <paramref name="changed"/> (full paths
    /// of files and folders, as a file watcher reports them) changed since: only the folders holding them are listed again.
    /// </summary>
    public static InputListing Relist(InputListing earlier, IEnumerable<string> changed)
    {
        var settled = (DateTime.UtcNow - Settled).Ticks;
        var root = Path.TrimEndingDirectorySeparator(earlier.Root);
        // The folder of each changed path that still exists (a folder deleted with its files leaves its parent), relative.
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in changed)
        {
            var folder = Path.GetDirectoryName(path);
            while (folder is not null && folder.Length > root.Length && !Directory.Exists(folder))
            {
                folder = Path.GetDirectoryName(folder);
            }

            if (folder is null || !folder.StartsWith(root, StringComparison.Ordinal) || folder.Length <= root.Length)
            {
                return List(earlier.Root);
            }

            folders.Add(folder[(root.Length + 1)..].Replace('\\', '/') + "/");
        }

        // A folder inside another that is listed again is listed with it.
        var relisted = folders.Where(f => !folders.Any(other => other != f && f.StartsWith(other, StringComparison.Ordinal))).ToList();
        var files = earlier.Files.Where(f => !relisted.Any(folder => f.Relative.StartsWith(folder, StringComparison.Ordinal))).ToList();
        try
        {
            foreach (var folder in relisted)
            {
                files.AddRange(Enumerate(earlier.Root, Path.Combine(root, folder)));
            }
        }
        catch (DirectoryNotFoundException)
        {
            // Deleted since it was looked at: still changing, so look at everything.
            return List(earlier.Root);
        }

        files.Sort(ByPath);
        return new InputListing(earlier.Root, files, settled);
    }

    private static int ByPath(ListedFile a, ListedFile b) => string.CompareOrdinal(a.Relative, b.Relative);

    // Every file under folder (inside root): each entry's size and time come with it (one stat, from its folder's handle
    // where the system allows it: see FolderStat.TryListFiles), with no FileInfo or relative-path arithmetic. The folders
    // two levels down (each region's, in the usual layout) are listed in parallel, each with what is under it, and the
    // folders above them one at a time, for their own files.
    private static List<ListedFile> Enumerate(string root, string folder)
    {
        var prefix = Path.TrimEndingDirectorySeparator(root).Length + 1;
        var above = Subfolders(folder).Prepend(folder).ToList();
        var below = above.Skip(1).SelectMany(Subfolders).ToList();
        var lists = new List<ListedFile>[above.Count + below.Count];
        // Sizes and times looked up from the input folder, where the system allows it (see FolderStat).
        using var stat = FolderStat.Open(root);
        try
        {
            Parallel.For(0, lists.Length, i => lists[i] = i < above.Count ? Files(above[i], recurse: false) : Files(below[i - above.Count], recurse: true));
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }

        return [.. lists.SelectMany(files => files)];

        List<ListedFile> Files(string under, bool recurse)
        {
            var files = new List<ListedFile>();
            var path = Path.TrimEndingDirectorySeparator(under);
            var relative = path.Length < prefix ? "" : path[prefix..].Replace('\\', '/') + "/";
            return FolderStat.TryListFiles(under, relative, recurse, files) ? files : Listed(under, recurse);
        }

        List<ListedFile> Listed(string under, bool recurse) => new FileSystemEnumerable<ListedFile>(under,
            (ref FileSystemEntry e) =>
            {
                // The relative path straight from the entry's folder and name, with no full path made first.
                var relative = (e.Directory.Length < prefix ? e.FileName.ToString() : string.Concat(e.Directory[prefix..], "/", e.FileName)).Replace('\\', '/');
                return stat is not null && stat.TryGet(relative, out var length, out var modified)
                    ? new ListedFile(relative, length, modified)
                    : new ListedFile(relative, e.Length, e.LastWriteTimeUtc.UtcTicks);
            },
            Options(recurse))
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory,
        }.ToList();

        // A link to a folder counts as one, as in a recursive listing.
        IEnumerable<string> Subfolders(string parent) => new FileSystemEnumerable<string>(parent, (ref FileSystemEntry e) => e.ToFullPath(), Options(recurse: false))
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => e.IsDirectory,
        };

        static EnumerationOptions Options(bool recurse) => new() { RecurseSubdirectories = recurse, AttributesToSkip = 0, IgnoreInaccessible = false };
    }

    /// <summary>
    /// Hashes the files of <paramref name="listing"/>, taking the hash from <paramref name="known"/> for a file whose
    /// size and modification time match it.
    /// </summary>
    public static InputFiles Read(InputListing listing, IReadOnlyDictionary<string, InputStat>? known)
    {
        var bytes = new ConcurrentDictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        var hashes = new FileHash[listing.Files.Count];
        var stats = new InputStat[hashes.Length];
        var news = new News[hashes.Length];
        // The files whose size and time are as known keep their hash: looked up on this thread (after one change, all but
        // one of 10,000), the others read and hashed in parallel.
        var toRead = new List<int>();
        for (var i = 0; i < hashes.Length; i++)
        {
            var f = listing.Files[i];
            if (known?.GetValueOrDefault(f.Relative) is { } was && was.Length == f.Length && was.Modified == f.Modified)
            {
                (stats[i], hashes[i]) = (was, new FileHash(f.Relative, was.Hash));
            }
            else
            {
                toRead.Add(i);
            }
        }

        // Shared out a few files at a time, not in halves (as PLINQ did): while the output is checked on the other core,
        // one thread may have to take (nearly) all, and a rebuild waited up to 10 ms for the other half.
        Parallel.For(0, toRead.Count, j =>
        {
            var i = toRead[j];
            var f = listing.Files[i];
            var read = ReadFile(listing.FullPath(f), f.Length);
            bytes[f.Relative] = read;
            var hash = SHA256.HashData(read.Span);
            (stats[i], hashes[i]) = (new InputStat(read.Length, f.Modified, hash), new FileHash(f.Relative, hash));
            news[i] = known?.GetValueOrDefault(f.Relative) is not { } was ? News.Unknown : was.Hash.AsSpan().SequenceEqual(hash) ? News.None : News.Changed;
        });
        var byPath = new Dictionary<string, InputStat>(hashes.Length, StringComparer.Ordinal);
        var changed = new List<string>();
        var unknown = 0;
        for (var i = 0; i < hashes.Length; i++)
        {
            byPath[hashes[i].Relative] = stats[i].Modified < listing.Settled ? stats[i] : stats[i] with { Modified = InputStat.Unsettled };
            if (news[i] == News.Changed)
            {
                changed.Add(hashes[i].Relative);
            }

            unknown += news[i] == News.Unknown ? 1 : 0;
        }

        return new InputFiles(listing.Root, hashes, byPath, bytes, changed, unknown);
    }

    /// <summary>
    /// Reads, in parallel, every file not read yet except those <paramref name="skip"/> names: the reader is about to ask
    /// for them, one at a time (a file skipped is still read if it asks).
    /// </summary>
    public void ReadAll(Func<string, bool>? skip = null) =>
        Hashes.Select(h => h.Relative).Where(p => !_bytes.ContainsKey(p) && skip?.Invoke(p) != true).AsParallel().ForAll(p => _bytes.TryAdd(p, Read(p)));

    /// <summary>Drops the bytes read so far; a file asked for afterwards is read again.</summary>
    public void ReleaseBytes() => _bytes.Clear();

    /// <summary>True when the input has a file at <paramref name="relative"/> (with '/').</summary>
    public bool Contains(string relative) => Stats.ContainsKey(relative);

    /// <summary>The bytes of the file at <paramref name="relative"/>, or null when there is none.</summary>
    public ReadOnlyMemory<byte>? Bytes(string relative) =>
        Stats.ContainsKey(relative) ? _bytes.GetOrAdd(relative, Read) : default(ReadOnlyMemory<byte>?);

    private ReadOnlyMemory<byte> Read(string relative) => ReadFile(Path.Combine(_root, relative), null);

    // The input's bytes live until the model is read (on L, 22 MB in 9,501 files). In slabs on the large object heap
    // they are neither zeroed first nor copied by each collection that the reader's allocations cause, and a file costs
    // no allocation of its own (an array per file took the collector's lock, 7 µs a file).
    // The listed length spares asking the file's size. One read asks for a byte more than that: when it brings exactly
    // the length, the file ended there (a second read to find the end was 10,000 system calls on L); anything else
    // (the file grew, shrank, or could not be read so) reads the file again as a whole, or gives the error.
    private static ReadOnlyMemory<byte> ReadFile(string path, long? listedLength)
    {
        var length = listedLength ?? new FileInfo(path).Length;
        if (length >= Slab.Largest)
        {
            return File.ReadAllBytes(path);
        }

        var bytes = Slab.Take((int)length + 1);
        return ReadStart(path, bytes.Span) == length ? bytes[..(int)length] : File.ReadAllBytes(path);
    }

    private static int ReadStart(string path, Span<byte> buffer)
    {
        if (PosixFiles.Read(path, buffer) is var read and >= 0)
        {
            return read;
        }

        using var file = File.OpenHandle(path);
        return RandomAccess.Read(file, buffer, 0);
    }

    // What hashing a file found against its known hash: nothing new (or the same bytes), another hash, or no known hash.
    private enum News : byte
    {
        None,
        Changed,
        Unknown,
    }

    // Memory handed out a file at a time, from a slab per reading thread. Not on the pinned heap: an allocation there
    // ends the collection-free stretch the build is in (QuietHeap); the collector does not move large arrays either.
    private static class Slab
    {
        public const int Largest = Size / 4;
        private const int Size = 1 << 20;

        [ThreadStatic]
        private static byte[]? t_slab;

        [ThreadStatic]
        private static int t_used;

        public static Memory<byte> Take(int length)
        {
            if (t_slab is null || Size - t_used < length)
            {
                t_slab = GC.AllocateUninitializedArray<byte>(Size);
                HugePages.Populate(t_slab);
                t_used = 0;
            }

            var taken = t_slab.AsMemory(t_used, length);
            t_used += length;
            return taken;
        }
    }
}
