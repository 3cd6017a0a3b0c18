using System.CommandLine;
using System.Globalization;
using Gongkai.Archive;
using Spectre.Console;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai snapshot</c> and <c>gongkai verify</c>: dated, checksummed archives of a built site.</summary>
internal static class SnapshotCommand
{
    public static Command Create()
    {
        var output = FolderOptions.Output("The built site to archive");
        var to = new Option<string>("--to") { Description = "Folder the snapshot folder is written under", DefaultValueFactory = _ => "snapshots" };
        var date = new Option<string?>("--date") { Description = "Snapshot date (yyyy-MM-dd); default SOURCE_DATE_EPOCH, else today (UTC)" };
        var format = new Option<string>("--format") { Description = "tar: site.tar.gz; wacz: also a WACZ web archive (site.wacz)", DefaultValueFactory = _ => "tar" };
        format.AcceptOnlyFromAmong("tar", "wacz");
        var siteUrl = new Option<string?>("--site-url") { Description = "Public URL of the site for the web archive (default: the build's base URL when it is a full URL)" };
        var command = new Command("snapshot", "Write a dated snapshot of a built site: site.tar.gz, manifest.json, README.txt (and site.wacz).") { output, to, date, format, siteUrl };
        command.SetAction(parse =>
        {
            if (!Directory.Exists(parse.GetValue(output)))
            {
                AnsiConsole.Console.Line(ConsoleLines.Red, "error:", $" {parse.GetValue(output)} does not exist; build the site first");
                return 2;
            }

            try
            {
                var url = parse.GetValue(siteUrl) is { } text ? new Uri(text.TrimEnd('/') + "/", UriKind.Absolute) : null;
                var folder = Snapshot.Create(parse.GetValue(output)!, parse.GetValue(to)!, SnapshotDate(parse.GetValue(date)), parse.GetValue(format) == "wacz", url);
                AnsiConsole.Console.Line(ConsoleLines.Green, "Snapshot", $" written to {Path.GetFullPath(folder)}");
                return 0;
            }
            catch (Exception e) when (e is InvalidDataException or FormatException or UriFormatException or IOException)
            {
                AnsiConsole.Console.Line(ConsoleLines.Red, "error:", $" {e.Message}");
                return 2;
            }
        });
        return command;
    }

    public static Command CreateVerify()
    {
        var path = new Argument<string>("snapshot") { Description = "A snapshot folder or its site.tar.gz" };
        var command = new Command("verify", "Check a snapshot against its manifest and name every file that differs.") { path };
        command.SetAction(parse =>
        {
            var problems = SnapshotVerifier.Verify(parse.GetValue(path)!);
            foreach (var problem in problems)
            {
                AnsiConsole.Console.Line(ConsoleLines.Red, problem);
            }

            AnsiConsole.Console.Line(problems.Count == 0 ? ConsoleLines.Green : ConsoleLines.Red,
                problems.Count == 0 ? "Snapshot verified: every file matches the manifest." : $"{problems.Count} difference(s).");
            return problems.Count == 0 ? 0 : 1;
        });
        return command;
    }

    // An archive's date comes from the archivist or SOURCE_DATE_EPOCH when set, so a snapshot can be reproduced.
    private static DateOnly SnapshotDate(string? date)
    {
        if (date is not null)
        {
            return DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        var when = epoch is not null ? DateTimeOffset.FromUnixTimeSeconds(long.Parse(epoch, CultureInfo.InvariantCulture)) : DateTimeOffset.UtcNow;
        return DateOnly.FromDateTime(when.UtcDateTime);
    }
}
