namespace Gongkai.Building;

/// <summary>
/// The output folder, written through a staging folder beside it and swapped in only when a build succeeds, so a
/// failed build leaves the previous site exactly as it was.
/// </summary>
public sealed class OutputFolder
{
    private readonly string _target;

    /// <summary>Prepares to write <paramref name="target"/>.</summary>
    public OutputFolder(string target)
    {
        _target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var parent = Path.GetDirectoryName(_target) ?? throw new ArgumentException("the output folder cannot be a file-system root", nameof(target));
        var name = Path.GetFileName(_target);
        Staging = Path.Combine(parent, $".{name}.staging");
        Previous = Path.Combine(parent, $".{name}.previous");
    }

    /// <summary>Where the new site is written before the swap.</summary>
    public string Staging { get; }

    private string Previous { get; }

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

    /// <summary>Creates an empty staging folder, removing what a crashed build left.</summary>
    public void BeginStaging()
    {
        DeleteIfExists(Staging);
        Directory.CreateDirectory(Staging);
    }

    /// <summary>Replaces the output folder with the staging folder.</summary>
    public void Commit()
    {
        DeleteIfExists(Previous);
        if (Directory.Exists(_target))
        {
            Directory.Move(_target, Previous);
        }

        Directory.Move(Staging, _target);
        DeleteIfExists(Previous);
    }

    /// <summary>Removes the staging folder after a failed build; the output folder is untouched.</summary>
    public void Abandon() => DeleteIfExists(Staging);

    private static void DeleteIfExists(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
