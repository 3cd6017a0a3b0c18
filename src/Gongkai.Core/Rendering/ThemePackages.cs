using System.Diagnostics;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Gongkai.Rendering;

/// <summary>A file a theme ships from its npm packages: where it goes in the output and where it is read from.</summary>
public sealed record VendorAsset(string Destination, string Source);

/// <summary>
/// The npm packages a theme declares in <c>package.json</c> (Chart.js, Pagefind …) and the files it copies from them
/// (its <c>gongkai.assets</c> map). Installs them with npm at the committed lockfile's versions when they are missing,
/// so a fresh clone builds with one command. Nothing is fetched when the site is viewed.
/// </summary>
public static class ThemePackages
{
    private static readonly Lock InstallGate = new();

    /// <summary>The vendor files of a theme, installing its packages first if any is missing.</summary>
    public static IReadOnlyList<VendorAsset> Ensure(string themeRoot)
    {
        var manifest = Path.Combine(themeRoot, "package.json");
        if (!File.Exists(manifest))
        {
            return [];
        }

        var assets = ReadAssets(manifest, themeRoot);
        if (Installed(themeRoot, assets))
        {
            return assets;
        }

        // Threads of one process wait on the gate (a record lock does not keep them apart), processes on the lock file.
        lock (InstallGate)
        {
            using var installLock = InstallLock(themeRoot);
            if (!Installed(themeRoot, assets))
            {
                Install(themeRoot);
            }
        }

        var missing = assets.FirstOrDefault(a => !File.Exists(a.Source));
        return missing is null ? assets : throw new ThemeException($"{manifest}: after npm install, {missing.Source} is still missing; check gongkai.assets");
    }

    private static List<VendorAsset> ReadAssets(string manifest, string themeRoot)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(manifest));
        if (!json.RootElement.TryGetProperty("gongkai", out var gongkai) || !gongkai.TryGetProperty("assets", out var map))
        {
            return [];
        }

        return [.. map.EnumerateObject()
            .Select(p => new VendorAsset(p.Name, Path.GetFullPath(Path.Combine(themeRoot, p.Value.GetString() ?? ""))))
            .OrderBy(a => a.Destination, StringComparer.Ordinal)];
    }

    private static void Install(string themeRoot)
    {
        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = themeRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Not "npm ci": npm records only this platform's optional packages (Pagefind's binaries) in the lockfile and
        // ci then refuses it on a fresh clone. "install --no-save" still takes the versions from the lockfile and never rewrites it.
        foreach (var arg in new[] { "install", "--no-save", "--ignore-scripts", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new ThemeException($"{themeRoot}: the theme needs its npm packages (package.json) but npm was not found; install Node.js and npm");
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new ThemeException($"{themeRoot}: npm install failed (exit {process.ExitCode}): {errors.Result.Trim()}");
            }
        }
    }

    // npm writes node_modules/.package-lock.json when an install is complete: node_modules alone may be half-written
    // by another build installing at this moment.
    private static bool Installed(string themeRoot, IReadOnlyList<VendorAsset> assets) =>
        File.Exists(Path.Combine(themeRoot, "node_modules", ".package-lock.json")) && assets.All(a => File.Exists(a.Source));

    // Builds and tests may run at once on a fresh clone; only one of them installs. A record lock (fcntl) where there is
    // one, because the CLI turns off the whole-file locks that FileShare.None relies on (System.IO.DisableFileLocking).
    private static FileStream InstallLock(string themeRoot)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(themeRoot)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"gongkai-npm-{hash}.lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return OperatingSystem.IsMacOS()
                    ? new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)
                    : Locked(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite));
            }
            catch (IOException) when (attempt < 1200)
            {
                Thread.Sleep(100);
            }
        }
    }

    [UnsupportedOSPlatform("macos")]
    private static FileStream Locked(FileStream stream)
    {
        try
        {
            stream.Lock(0, 1);
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
