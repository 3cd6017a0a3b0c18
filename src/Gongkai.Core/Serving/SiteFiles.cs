namespace Gongkai.Serving;

/// <summary>How a static host maps a request path to a built file and its content type; shared by every server here.</summary>
public static class SiteFiles
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8", [".css"] = "text/css; charset=utf-8", [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8", [".webmanifest"] = "application/manifest+json; charset=utf-8",
        [".svg"] = "image/svg+xml", [".png"] = "image/png", [".csv"] = "text/csv; charset=utf-8", [".txt"] = "text/plain; charset=utf-8",
        [".xml"] = "application/xml; charset=utf-8", [".pdf"] = "application/pdf", [".wasm"] = "application/wasm",
    };

    /// <summary>The content type of a file by its extension; Pagefind's index files (<c>.pf_*</c>, <c>.pagefind</c>) are binary.</summary>
    public static string ContentType(string file) => Types.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");

    /// <summary>
    /// The file under <paramref name="root"/> a request for <paramref name="urlPath"/> is answered with (a folder means its
    /// <c>index.html</c>), or null when the path is outside <paramref name="prefix"/>, escapes the root, or names no file.
    /// </summary>
    public static string? Resolve(string root, string prefix, string urlPath)
    {
        var path = Uri.UnescapeDataString(urlPath);
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        var file = Path.GetFullPath(Path.Combine(fullRoot, path[prefix.Length..]));
        if (Directory.Exists(file))
        {
            file = Path.Combine(file, "index.html");
        }

        return file.StartsWith(fullRoot, StringComparison.Ordinal) && File.Exists(file) ? file : null;
    }
}
