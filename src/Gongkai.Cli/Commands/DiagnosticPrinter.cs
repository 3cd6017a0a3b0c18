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
            console.MarkupLineInterpolated($"[bold]{group.Key}[/]");
            foreach (var d in group)
            {
                var colour = d.Severity == Severity.Error ? "red" : "yellow";
                console.MarkupLineInterpolated($"  [{colour}]{d}[/]");
            }
        }

        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count - errors;
        if (diagnostics.Count > 0)
        {
            console.MarkupLineInterpolated($"{errors} error(s), {warnings} warning(s)");
        }
    }
}
