using Gongkai.Validation;

namespace Gongkai.Input;

/// <summary>A markdown file split into its YAML front matter and body, with the line the body starts on.</summary>
public sealed record FrontMatter(string Yaml, int YamlFirstLine, string Body, int BodyFirstLine)
{
    /// <summary>Splits text (LF line endings) that starts with a <c>---</c> line; reports and returns null when there is none or it is not closed.</summary>
    public static FrontMatter? Split(string text, string file, DiagnosticBag diagnostics)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            diagnostics.Error("GK0010", new SourceLocation(file, 1, 1), "expected YAML front matter starting with a line '---'",
                "put the disclosure's fields between two lines of '---' at the top of the file");
            return null;
        }

        var lines = text.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i] is "---" or "...")
            {
                var yaml = string.Join('\n', lines[1..i]);
                var body = string.Join('\n', lines[(i + 1)..]);
                return new FrontMatter(yaml, 2, body, i + 2);
            }
        }

        diagnostics.Error("GK0011", new SourceLocation(file, 1, 1), "front matter is not closed: no line '---' after the opening one");
        return null;
    }
}
