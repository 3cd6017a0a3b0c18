using Spectre.Console;

namespace Gongkai.Cli.Commands;

/// <summary>
/// Lines for the console: a lead in a style, then the rest as it is. Never Spectre's markup: the first line of markup
/// parsed builds Spectre's table of emoji names (4 % of the CPU of a rebuild after one change in 10,000 reports), and
/// values (paths, messages) then need no escaping.
/// </summary>
internal static class ConsoleLines
{
    public static readonly Style Red = new(Color.Red), Green = new(Color.Green), Yellow = new(Color.Yellow), Bold = new(decoration: Decoration.Bold);

    /// <summary>Writes <paramref name="text"/> as it is, and ends the line.</summary>
    public static void Line(this IAnsiConsole console, string text) => console.WriteLine(text);

    /// <summary>Writes <paramref name="lead"/> in <paramref name="style"/>, then <paramref name="rest"/> as it is, and ends the line.</summary>
    public static void Line(this IAnsiConsole console, Style style, string lead, string rest = "")
    {
        console.Write(new Text(lead, style));
        console.WriteLine(rest);
    }
}
