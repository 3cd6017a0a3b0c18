using Gongkai.Rendering;
using Gongkai.Search;

namespace Gongkai.Tests.Support;

/// <summary>A copy of the theme whose Pagefind fails on demand.</summary>
public static class FailingSearch
{
    /// <summary>
    /// Copies the theme into <paramref name="temp"/> (<c>theme/</c>) with a Pagefind that fails while the file
    /// <paramref name="failNow"/> exists and runs the real one otherwise; returns the copy's folder.
    /// </summary>
    public static string Theme(TempFolder temp, out string failNow)
    {
        ThemePackages.Ensure(Repo.Theme);
        var real = Pagefind.FindBinary(Repo.Theme) ?? throw new InvalidOperationException("the theme has no Pagefind");
        var theme = temp["theme"];
        foreach (var file in Directory.GetFiles(Repo.Theme, "*", SearchOption.AllDirectories)
                     .Where(f => !Path.GetRelativePath(Repo.Theme, f).Replace('\\', '/').StartsWith("node_modules/@pagefind/", StringComparison.Ordinal)))
        {
            var to = Path.Combine(theme, Path.GetRelativePath(Repo.Theme, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        failNow = temp["fail-search"];
        var fake = temp.Write("theme/node_modules/@pagefind/fake/bin/pagefind_extended",
            $"#!/bin/sh\n[ -e '{failNow}' ] && {{ echo planted failure >&2; exit 3; }}\nexec '{real}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return theme;
    }
}
