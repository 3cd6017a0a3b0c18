using System.Diagnostics;

namespace Gongkai.Search;

/// <summary>Search indexing failed; the message is Pagefind's own.</summary>
public sealed class SearchIndexException(string message) : Exception(message);

/// <summary>
/// Runs Pagefind's extended binary (from the theme's npm packages; it segments Chinese with ICU4X) over a built site,
/// writing the index to <c>pagefind/</c> inside it. No Node.js is needed to run it and it uses no network.
/// </summary>
public static class Pagefind
{
    /// <summary>The folder the index is written to, inside the site.</summary>
    public const string Folder = "pagefind";

    /// <summary>The extended binary in the theme's <c>node_modules/@pagefind/&lt;platform&gt;/bin</c>, or null when the theme has none.</summary>
    public static string? FindBinary(string themeRoot)
    {
        var packages = Path.Combine(themeRoot, "node_modules", "@pagefind");
        if (!Directory.Exists(packages))
        {
            return null;
        }

        return Directory.GetDirectories(packages).Order(StringComparer.Ordinal)
            .SelectMany(d => new[] { Path.Combine(d, "bin", "pagefind_extended"), Path.Combine(d, "bin", "pagefind_extended.exe") })
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Indexes the pages of <paramref name="siteFolder"/> that match <paramref name="glob"/> (relative to the site),
    /// writing the index to <paramref name="outputPath"/>; throws with Pagefind's own message when it fails.
    /// </summary>
    public static void Index(string binary, string siteFolder, string outputPath, string glob)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--site", siteFolder, "--glob", glob, "--output-path", outputPath, "--silent" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new SearchIndexException($"could not start {binary}");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new SearchIndexException($"search indexing failed (pagefind exit {process.ExitCode}): {(errors.Result + output).Trim()}");
        }
    }
}
