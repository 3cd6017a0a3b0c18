using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gongkai.Data;
using Gongkai.Input;
using Gongkai.Validation;

namespace Gongkai.Building;

/// <summary>
/// What the last successful build into an output folder was made from (its <see cref="BuildKeys"/>) and what it wrote:
/// every file it made from documents with the region scope each came from (null: site-wide), the key of each search
/// shard it indexed (by folder), the totals, the size, time and hash of each input file (so the next build hashes
/// only files that changed), and a hash of the modification times of the output's folders.
/// </summary>
public sealed record BuildStamp(
    string Key,
    string SiteKey,
    IReadOnlyDictionary<string, string> Scopes,
    IReadOnlyDictionary<string, string?> Outputs,
    IReadOnlyDictionary<string, string> Search,
    int Pages,
    int Files,
    long Bytes,
    IReadOnlyList<Diagnostic> Warnings,
    IReadOnlyDictionary<string, InputStat> Inputs,
    string Folders = "");

/// <summary>
/// Remembers the last successful build into an output folder, so the next one can skip everything (nothing changed)
/// or keep the pages of unchanged regions (see <see cref="BuildKeys"/>). The stamp lives in <c>.gongkai-cache/</c>
/// beside the output folder, never in the site.
/// </summary>
public sealed class BuildCache(BuildOptions options)
{
    // Longer than the coarsest clock tick file systems stamp times with (a jiffy: 1 to 10 ms).
    private static readonly TimeSpan CoarseTick = TimeSpan.FromMilliseconds(20);

    private readonly string _output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Output));

    private string StampPath => Path.Combine(Path.GetDirectoryName(_output)!, ".gongkai-cache", Path.GetFileName(_output) + ".json");

    /// <summary>
    /// The last build's stamp when the output's folders are as that build left them (a file deleted, added or renamed by
    /// hand changes its folder's modification time and makes the next build a full one); else null.
    /// </summary>
    public BuildStamp? Load()
    {
        if (!File.Exists(StampPath) || !Directory.Exists(_output))
        {
            return null;
        }

        BuildStamp? stamp;
        try
        {
            stamp = DataJson.Deserialize<BuildStamp>(File.ReadAllBytes(StampPath));
        }
        catch (JsonException)
        {
            return null;
        }

        if (stamp?.Outputs is null || stamp.Scopes is null || stamp.Search is null || stamp.Inputs is null)
        {
            return null;
        }

        return stamp.Folders == FolderTimes(stamp).Hash ? stamp : null;
    }

    /// <summary>Records a successful build, once everything is in the output folder.</summary>
    public void Save(BuildStamp stamp)
    {
        var (folders, newest) = FolderTimes(stamp);
        Directory.CreateDirectory(Path.GetDirectoryName(StampPath)!);
        File.WriteAllText(StampPath, DataJson.Serialize(stamp with { Folders = folders }, DataJson.OneLine));

        // Where the file system keeps times in coarse ticks, a change made in the tick of the last write would not move a
        // folder's time: return only once that tick is over.
        var wait = newest + CoarseTick - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            Thread.Sleep(wait);
        }
    }

    // Each folder the build wrote into (those above them, and all under the search index) with its modification time,
    // hashed: one stat per folder, where listing every folder to count files costs 0.25 s on 10,000 reports.
    private (string Hash, DateTime Newest) FolderTimes(BuildStamp stamp)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal) { "" };
        foreach (var destination in stamp.Outputs.Keys)
        {
            var end = destination.LastIndexOf('/');
            while (end > 0 && folders.Add(destination[..end]))
            {
                end = destination.LastIndexOf('/', end - 1);
            }
        }

        foreach (var index in stamp.Search.Keys.Select(k => Path.Combine(_output, k)).Where(Directory.Exists))
        {
            folders.UnionWith(Directory.EnumerateDirectories(index, "*", SearchOption.AllDirectories).Append(index)
                .Select(f => Path.GetRelativePath(_output, f).Replace('\\', '/')));
        }

        var times = folders.AsParallel().AsOrdered().Select(f => (Folder: f, Time: Directory.GetLastWriteTimeUtc(Path.Combine(_output, f)))).ToList();
        var text = string.Concat(times.Select(t => $"{t.Folder}\t{t.Time.Ticks.ToString(CultureInfo.InvariantCulture)}\n"));
        return (Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), times.Max(t => t.Time));
    }

    /// <summary>Forgets the last build, before the output folder is changed: a build cut short leaves no stamp, so the next one is full.</summary>
    public void Forget()
    {
        if (File.Exists(StampPath))
        {
            File.Delete(StampPath);
        }
    }
}
