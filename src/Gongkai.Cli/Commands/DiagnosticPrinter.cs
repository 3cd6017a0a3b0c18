using Gongkai.Validation;
using Spectre.Console;

namespace Gongkai.Cli.Commands;

/// <summary>Prints diagnostics grouped by file, errors in red and warnings in yellow.</summary>
internal static class DiagnosticPrinter
{
    public static void Print(IAnsiConsole console, IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var group in diagnostics.GroupBy(d => d.Location.File))
        {
            console.Line(ConsoleLines.Bold, group.Key);
            foreach (var d in group)
            {
                console.Line(d.Severity == Severity.Error ? ConsoleLines.Red : ConsoleLines.Yellow, $"  {d}");
            }
        }

        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count - errors;
        if (diagnostics.Count > 0)
        {
            console.Line($"{errors} error(s), {warnings} warning(s)");
        }
    }
}
