using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Input;
using Gongkai.Validation;

namespace Gongkai.Building;

/// <summary>
/// What the next build into an output folder reads first, enough to tell that nothing changed: the last build's full
/// key and listing key (see <see cref="BuildKeys.OfListing"/>), the site's locale (its theme can be loaded before the
/// input is read), its totals and warnings, and the folders it wrote into with a hash of their modification times, and
/// of the names in those whose time was as late as the record itself (by folder: a change in the same tick of a coarse
/// clock would not have moved their times).
/// </summary>
public sealed record BuildSummary(
    string Key,
    string ListingKey,
    string Locale,
    int Pages,
    int Files,
    long Bytes,
    IReadOnlyList<Diagnostic> Warnings,
    IReadOnlyList<string> Folders,
    string FolderTimes,
    IReadOnlyDictionary<string, string> Racy);

/// <summary>
/// What the last successful build (full key <see cref="Key"/>) was made from and what it wrote, read only when something
/// changed: the site and region keys (see <see cref="BuildKeys"/>), every file it made from documents with the region
/// scope each came from (null: site-wide), the key of each search shard it indexed (by folder), and the size, time and
/// hash of each input file (so the next build hashes only files that changed); for the report bodies the next build
/// does not read (see <see cref="Model.KeptBody"/>), how many passages were cut from each, the key of the paths links
/// were checked against (<see cref="BuildKeys.OfLinkTargets"/>), the key of what site-wide files were made from
/// (<see cref="BuildKeys.OfSiteData"/>), and of what each region's files other than report pages were made from
/// (<see cref="BuildKeys.OfRegionData"/>, by scope).
/// </summary>
public sealed record BuildStamp(
    string Key,
    string SiteKey,
    IReadOnlyDictionary<string, string> Scopes,
    IReadOnlyDictionary<string, string?> Outputs,
    IReadOnlyDictionary<string, string> Search,
    IReadOnlyDictionary<string, InputStat> Inputs,
    IReadOnlyDictionary<string, int> Passages,
    string LinkTargets,
    string SiteData,
    IReadOnlyDictionary<string, string> RegionData);

/// <summary>A build's stamp (<see cref="BuildCache.StartStamp"/>) and its writing to the cache.</summary>
public sealed record PendingStamp(BuildStamp Stamp, Task Written);

/// <summary>
/// Remembers the last successful build into an output folder, so the next one can skip everything (nothing changed)
/// or keep the pages of unchanged regions (see <see cref="BuildKeys"/>). It lives in <c>.gongkai-cache/</c> beside the
/// output folder, never in the site: a small <see cref="BuildSummary"/> (<see cref="SummaryBinary"/>) that a build with
/// nothing to do reads alone, the <see cref="BuildStamp"/> (<see cref="StampBinary"/>), and the checked model of each
/// region (<see cref="Regions"/>).
/// What it reads or writes it keeps in <paramref name="memory"/> for the next build of the same process.
/// </summary>
public sealed class BuildCache(BuildOptions options, BuildMemory memory)
{
    // Longer than the coarsest clock tick file systems stamp times with (a jiffy: 1 to 10 ms).
    private static readonly TimeSpan CoarseTick = TimeSpan.FromMilliseconds(20);

    private readonly string _output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Output));

    // The output's folders and their modification times (side by side) as Intact found them.
    private (IReadOnlyList<string> Folders, long[] Ticks)? _loaded;

    // The check StartCheck started, and the summary it checks against.
    private (BuildSummary Summary, FolderTimes Times)? _check;

    private string CachePath(string suffix) =>
        Path.Combine(Path.GetDirectoryName(_output)!, ".gongkai-cache", Path.GetFileName(_output) + suffix);

    private string SummaryPath => CachePath(".summary");

    private string StampPath => CachePath(".stamp");

    /// <summary>The checked models of the regions the last builds read, beside the stamp.</summary>
    public RegionModels Regions => new(CachePath(".regions"), memory.Regions);

    /// <summary>The last build's summary, or null when there is none (or no output folder).</summary>
    public BuildSummary? ReadLast()
    {
        var summary = memory.Summary.Read(SummaryPath, () => BinaryFile.Read(SummaryPath, SummaryBinary.Read));
        return summary is null || !Directory.Exists(_output) ? null : summary;
    }

    /// <summary>
    /// Starts finding out whether the output's folders are as the build <paramref name="summary"/> describes left them (see
    /// <see cref="Intact"/>): on a thread of the pool, beside the caller's own work, until <paramref name="cancel"/> is
    /// cancelled (the build found it would keep nothing; the answer is then false).
    /// </summary>
    public void StartCheck(BuildSummary summary, CancellationToken cancel) =>
        _check = (summary, FolderTimes.Start(_output, summary.Folders, cancel: cancel));

    /// <summary>
    /// Whether the output's folders are as the build <paramref name="summary"/> describes left them: a file deleted, added
    /// or renamed by hand changes its folder's modification time, and then nothing may be kept on the summary's word. The
    /// answer of the check <see cref="StartCheck"/> last started for it (once), with the calling thread's help, else of
    /// one made now.
    /// </summary>
    public bool Intact(BuildSummary summary)
    {
        var times = _check is { } check && ReferenceEquals(check.Summary, summary) ? check.Times : FolderTimes.Start(_output, summary.Folders);
        _check = null;
        string hash;
        long[] ticks;
        try
        {
            (hash, ticks) = times.Wait();
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        if (hash != summary.FolderTimes || summary.Racy.Any(r => Listing(r.Key) != r.Value))
        {
            return false;
        }

        _loaded = (summary.Folders, ticks);
        return true;
    }

    /// <summary>The stamp of the build <paramref name="summary"/> describes, or null when there is none.</summary>
    public BuildStamp? LoadStamp(BuildSummary summary)
    {
        var stamp = memory.Stamp.Read(StampPath, () => BinaryFile.Read(StampPath, StampBinary.Read));
        return stamp?.Key == summary.Key ? stamp : null;
    }

    /// <summary>
    /// Starts writing <paramref name="stamp"/> (a megabyte or two) on a thread of the pool, beside moving the build's files
    /// into the output, once the last build is forgotten (see <see cref="Forget"/>); <see cref="Save"/> records the build
    /// with it. Until a summary names it, a stamp is not read (see <see cref="LoadStamp"/>): one written for a build that
    /// then fails does no harm.
    /// </summary>
    public PendingStamp StartStamp(BuildStamp stamp)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StampPath)!);
        return new(stamp, Task.Run(() => BinaryFile.Write(StampPath, writer => StampBinary.Write(writer, stamp))));
    }

    /// <summary>
    /// Records a successful build, once everything is in the output folder and its stamp is written. When the build
    /// changed only <paramref name="changedFolders"/> of an output <see cref="Intact"/> found as it was, the others keep
    /// the times it read; null: every folder is new. <paramref name="sameFolders"/>: the last build's folders, when this
    /// one made the same files and left the search index as it was (no folder came or went), so they need not be found again.
    /// </summary>
    public void Save(PendingStamp stamp, string listingKey, string locale, int pages, int files, long bytes, IReadOnlyList<Diagnostic> warnings,
        IReadOnlySet<string>? changedFolders, IReadOnlyList<string>? sameFolders = null)
    {
        var folders = sameFolders ?? Folders(stamp.Stamp);
        var (times, ticks) = FolderTimes.Start(_output, folders, changedFolders is null || _loaded is not { } loaded ? null : Known(loaded, folders, changedFolders)).Wait();
        stamp.Written.GetAwaiter().GetResult();
        memory.Stamp.Wrote(StampPath, stamp.Stamp);
        Remember(new BuildSummary(stamp.Stamp.Key, listingKey, locale, pages, files, bytes, warnings, folders, times, Racy(folders, ticks)));
    }

    // The time Intact found for each of folders but the changed ones: by position when they are the folders it looked at
    // (the same files made; on 10,000 reports, 9,800 folders), else by name.
    private static Func<int, long?> Known((IReadOnlyList<string> Folders, long[] Ticks) loaded, IReadOnlyList<string> folders, IReadOnlySet<string> changed)
    {
        if (ReferenceEquals(folders, loaded.Folders))
        {
            return i => changed.Contains(folders[i]) ? null : loaded.Ticks[i];
        }

        var byName = new Dictionary<string, long>(loaded.Folders.Count, StringComparer.Ordinal);
        for (var i = 0; i < loaded.Folders.Count; i++)
        {
            byName[loaded.Folders[i]] = loaded.Ticks[i];
        }

        return i => !changed.Contains(folders[i]) && byName.TryGetValue(folders[i], out var known) ? known : null;
    }

    // What the folders whose modification time may still be in the clock tick of now (or ahead of it) hold: where a file
    // system keeps times in coarse ticks (a jiffy: 1 to 10 ms), a change made by hand in that tick would not move the
    // folder's time, so the next build compares what such a folder holds instead (as git does with racily clean files).
    private IReadOnlyDictionary<string, string> Racy(IReadOnlyList<string> folders, long[] ticks)
    {
        var since = (DateTime.UtcNow - CoarseTick).Ticks;
        return Enumerable.Range(0, folders.Count).Where(i => ticks[i] >= since)
            .ToDictionary(i => folders[i], i => Listing(folders[i]), StringComparer.Ordinal);
    }

    /// <summary>Writes the summary again (with another listing key for the same input): a few hundred kilobytes, not the stamp.</summary>
    public void Remember(BuildSummary summary)
    {
        BinaryFile.Write(SummaryPath, writer => SummaryBinary.Write(writer, summary));
        memory.Summary.Wrote(SummaryPath, summary);
    }

    /// <summary>Forgets the last build, before the output folder is changed: a build cut short leaves no stamp, so the next one is full.</summary>
    public void Forget()
    {
        memory.Summary.Forget();
        memory.Stamp.Forget();
        foreach (var path in new[] { SummaryPath, StampPath }.Where(File.Exists))
        {
            File.Delete(path);
        }
    }

    // Each folder the build wrote into, those above them and all under the search index, in ordinal order.
    private List<string> Folders(BuildStamp stamp)
    {
        // Sorted once at the end; most files share their folder with one before them, found without making its name.
        var folders = new HashSet<string>(StringComparer.Ordinal) { "" };
        var known = folders.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var destination in stamp.Outputs.Keys)
        {
            var end = destination.LastIndexOf('/');
            while (end > 0 && !known.Contains(destination.AsSpan(0, end)))
            {
                folders.Add(destination[..end]);
                end = destination.LastIndexOf('/', end - 1);
            }
        }

        foreach (var index in stamp.Search.Keys.Select(k => Path.TrimEndingDirectorySeparator(Path.Combine(_output, k))).Where(Directory.Exists))
        {
            folders.UnionWith(Directory.EnumerateDirectories(index, "*", SearchOption.AllDirectories).Append(index)
                .Select(f => Path.GetRelativePath(_output, f).Replace('\\', '/')));
        }

        return [.. folders.Order(StringComparer.Ordinal)];
    }

    // The names in a folder, in ordinal order, hashed ("" when it is gone): what moves its time (a file written in place does not).
    private string Listing(string folder)
    {
        var path = Path.Join(_output, folder);
        if (!Directory.Exists(path))
        {
            return "";
        }

        var names = new FileSystemEnumerable<string>(path, (ref FileSystemEntry e) => e.FileName.ToString(), new EnumerationOptions { AttributesToSkip = 0 });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', names.Order(StringComparer.Ordinal)))));
    }
}
