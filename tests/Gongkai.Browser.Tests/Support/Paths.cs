namespace Gongkai.Browser.Tests.Support;

/// <summary>Repository paths, and where tests leave screenshots (artifacts/, never committed).</summary>
public static class Paths
{
    /// <summary>The folder holding Site.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Where screenshots go.</summary>
    public static string Screenshots
    {
        get
        {
            var dir = Path.Combine(Root, "artifacts", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Site.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Site.sln not found above " + AppContext.BaseDirectory);
    }
}
