using System.CommandLine;

namespace Gongkai.Cli.Commands;

/// <summary>The folder options several commands share, with the same names and defaults everywhere.</summary>
internal static class FolderOptions
{
    public static Option<string> Input(string description) => Folder("--input", "input", description);

    public static Option<string> Output(string description) => Folder("--output", "output", description);

    public static Option<string> Theme(string description) => Folder("--theme", "theme", description);

    private static Option<string> Folder(string name, string fallback, string description) =>
        new(name) { Description = description, DefaultValueFactory = _ => fallback };
}
