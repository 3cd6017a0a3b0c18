using System.CommandLine;
using System.ComponentModel;
using System.Diagnostics;
using Gongkai.Building;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai discard FOLDER</c> (not in the help): deletes an old site a full build left beside its output folder.
/// <c>build</c> starts it and exits, so that a full build into an existing output does not wait for the old site to be
/// deleted (on 10,000 reports, 0.4–0.6 s on a disk); a build that finds one still there deletes it first.
/// </summary>
internal static class DiscardCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "An old site's folder (.OUTPUT.discarded-NUMBER)" };
        var command = new Command("discard", "Delete an old site a build left beside its output folder.") { folder };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            try
            {
                OutputFolder.DeleteDiscarded(parse.GetValue(folder)!);
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>Starts this program's discard command on <paramref name="folder"/> and returns at once; deletes it here when that cannot start.</summary>
    public static void Start(string folder)
    {
        if (Environment.ProcessPath is not { } program)
        {
            OutputFolder.DeleteDiscarded(folder);
            return;
        }

        // Its output goes nowhere: a caller reading the build's output to its end would otherwise wait for the deletion too.
        var start = new ProcessStartInfo(program) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(program) == "dotnet")
        {
            // Run as `dotnet gongkai.dll`: the host is given the program again.
            start.ArgumentList.Add(Environment.GetCommandLineArgs()[0]);
        }

        start.ArgumentList.Add("discard");
        start.ArgumentList.Add(folder);
        try
        {
            using var _ = Process.Start(start);
        }
        catch (Win32Exception)
        {
            OutputFolder.DeleteDiscarded(folder);
        }
    }
}
