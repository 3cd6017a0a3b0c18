using System.CommandLine;
using Gongkai.Data;
using Gongkai.Validation;
using Spectre.Console;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai check</c>: validates the input folder and writes nothing. Exit 0 clean, 1 errors, 2 could not run.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var input = FolderOptions.Input("Input folder to check");
        var format = new Option<string>("--format") { Description = "text (grouped by file) or json (for CI systems)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Fail (exit 1) on warnings too" };

        var command = new Command("check", "Check the input folder for errors without building.") { input, format, warningsAsErrors };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(format)!, parse.GetValue(warningsAsErrors)));
        return command;
    }

    private static int Run(string input, string format, bool warningsAsErrors)
    {
        if (!Directory.Exists(input))
        {
            AnsiConsole.Console.Line(ConsoleLines.Red, "error:", $" input folder {Path.GetFullPath(input)} does not exist");
            return 2;
        }

        var result = SiteValidator.Validate(input);
        if (format == "json")
        {
            Console.Out.Write(DataJson.Serialize(result.Diagnostics.Select(DiagnosticJson.From).ToList()));
        }
        else
        {
            DiagnosticPrinter.Print(AnsiConsole.Console, result.Diagnostics);
            if (result.Diagnostics.Count == 0)
            {
                AnsiConsole.Console.Line(ConsoleLines.Green, "No problems found.");
            }
        }

        return result.Passes(warningsAsErrors) ? 0 : 1;
    }
}
