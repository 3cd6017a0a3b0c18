using System.Text.Json;
using Gongkai.Data;
using Gongkai.Validation;

namespace Gongkai.Building;

/// <summary>
/// What the last successful build into an output folder was made from (its <see cref="BuildKeys"/>) and what it wrote:
/// every file it made from documents with the region scope each came from (null: site-wide), the key of each search
/// shard it indexed (by folder), and the totals.
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
    IReadOnlyList<Diagnostic> Warnings);

/// <summary>
/// Remembers the last successful build into an output folder, so the next one can skip everything (nothing changed)
/// or keep the pages of unchanged regions (see <see cref="BuildKeys"/>). The stamp lives in <c>.gongkai-cache/</c>
/// beside the output folder, never in the site.
/// </summary>
public sealed class BuildCache(BuildOptions options)
{
    private readonly string _output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Output));

    private string StampPath => Path.Combine(Path.GetDirectoryName(_output)!, ".gongkai-cache", Path.GetFileName(_output) + ".json");

    /// <summary>
    /// The last build's stamp when the output folder still holds as many files as that build wrote (one deleted or added
    /// by hand makes the next build a full one); else null.
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
            stamp = JsonSerializer.Deserialize<BuildStamp>(File.ReadAllBytes(StampPath), DataJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }

        if (stamp?.Outputs is null || stamp.Scopes is null || stamp.Search is null)
        {
            return null;
        }

        // Counting reads the folders only; asking each file's size would cost a system call per file (0.2 s on 11,000 files).
        return Directory.EnumerateFiles(_output, "*", SearchOption.AllDirectories).Count() == stamp.Files ? stamp : null;
    }

    /// <summary>Records a successful build.</summary>
    public void Save(BuildStamp stamp)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StampPath)!);
        File.WriteAllText(StampPath, DataJson.Serialize(stamp));
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
