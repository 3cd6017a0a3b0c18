using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gongkai.Archive;
using Gongkai.Data;
using Gongkai.Validation;

namespace Gongkai.Building;

/// <summary>What the last successful build into an output folder was made from, and what it wrote.</summary>
public sealed record BuildStamp(string Key, int Pages, int Files, long Bytes, IReadOnlyList<Diagnostic> Warnings);

/// <summary>
/// Skips a build whose result is already in the output folder: same input tree, theme files, options and generator
/// as the last successful build there, and the output still holds the files it wrote (count and total size). The
/// stamp lives in <c>.gongkai-cache/</c> beside the output folder, never in the site.
/// </summary>
public sealed class BuildCache(BuildOptions options)
{
    private readonly string _output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Output));

    private string StampPath => Path.Combine(Path.GetDirectoryName(_output)!, ".gongkai-cache", Path.GetFileName(_output) + ".json");

    /// <summary>
    /// The key of a build with these options now: the input tree's hash (<paramref name="inputHash"/>), the theme folder's
    /// (without its npm packages, which the lockfile pins; a missing one is left to the theme loader to report), the options
    /// that change output, and the generator version.
    /// </summary>
    public string Key(string inputHash)
    {
        var parts = new StringBuilder()
            .Append(BuildInfo.GeneratorVersion).Append('\n')
            .Append(inputHash).Append('\n')
            .Append(Directory.Exists(options.Theme) ? BuildInfo.TreeHash(options.Theme, skipFolder: "node_modules") : "").Append('\n')
            .Append(options.BaseUrl).Append('\n')
            .Append(options.Search).Append('\n')
            .Append(options.WarningsAsErrors).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parts.ToString())));
    }

    /// <summary>The last build's stamp when it matches <paramref name="key"/> and its files are all still there; else null.</summary>
    public BuildStamp? UpToDate(string key)
    {
        if (!File.Exists(StampPath) || !Directory.Exists(_output))
        {
            return null;
        }

        BuildStamp? stamp;
        try
        {
            stamp = JsonSerializer.Deserialize<BuildStamp>(File.ReadAllText(StampPath), DataJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }

        if (stamp is null || stamp.Key != key)
        {
            return null;
        }

        var files = new DirectoryInfo(_output).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
        return files.Count == stamp.Files && files.Sum(f => f.Length) == stamp.Bytes ? stamp : null;
    }

    /// <summary>Records a successful build.</summary>
    public void Save(BuildStamp stamp)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StampPath)!);
        File.WriteAllText(StampPath, DataJson.Serialize(stamp));
    }

    /// <summary>Forgets the last build, before the output folder is replaced.</summary>
    public void Forget()
    {
        if (File.Exists(StampPath))
        {
            File.Delete(StampPath);
        }
    }
}
