using System.Globalization;
using Gongkai.Input.Tree;
using Gongkai.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gongkai.Input;

/// <summary>Parses YAML (front matter) into an <see cref="InputNode"/> tree with file positions.</summary>
public static class YamlTreeReader
{
    /// <summary>The deepest nesting accepted; the YAML library recurses per level, so deeper input could exhaust the stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses YAML that starts at <paramref name="firstLine"/> of <paramref name="file"/>; reports errors and returns null on failure.</summary>
    public static InputNode? Parse(string yaml, string file, int firstLine, DiagnosticBag diagnostics)
    {
        if (TooDeep(yaml) is { } deepLine)
        {
            diagnostics.Error("GK0008", new SourceLocation(file, firstLine + deepLine, 1),
                $"front matter is nested more than {MaxDepth} levels deep", "front matter needs only a few levels; check the indentation and brackets");
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // The parser notices a tab only where it breaks the structure, often a line later; point at the tab itself.
            if (FirstIndentingTab(yaml) is { } tabLine)
            {
                diagnostics.Error("GK0007", new SourceLocation(file, firstLine + tabLine, 1), "invalid YAML: a line is indented with a tab",
                    "YAML does not allow tabs for indentation; indent with spaces");
                return null;
            }

            var at = new SourceLocation(file, (int)e.Start.Line + firstLine - 1, (int)e.Start.Column);
            diagnostics.Error("GK0007", at, $"invalid YAML: {e.InnerException?.Message ?? e.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet throws this instead of a YamlException for some unclosed flow collections.
            diagnostics.Error("GK0007", new SourceLocation(file, firstLine, 1), "invalid YAML: the front matter could not be parsed",
                "check that every [ ], { } and quote is closed");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return new InputMap(new SourceLocation(file, firstLine, 1), []);
        }

        return Convert(stream.Documents[0].RootNode, file, firstLine);
    }

    private static InputNode Convert(YamlNode node, string file, int firstLine)
    {
        var at = new SourceLocation(file, (int)node.Start.Line + firstLine - 1, (int)node.Start.Column);
        switch (node)
        {
            case YamlMappingNode map:
                return new InputMap(at, [.. map.Children.Select(p => new InputProperty(
                    ((YamlScalarNode)p.Key).Value ?? "",
                    new SourceLocation(file, (int)p.Key.Start.Line + firstLine - 1, (int)p.Key.Start.Column),
                    Convert(p.Value, file, firstLine)))]);
            case YamlSequenceNode list:
                return new InputList(at, [.. list.Children.Select(c => Convert(c, file, firstLine))]);
            case YamlScalarNode scalar:
                return new InputScalar(at, scalar.Value ?? "", KindOf(scalar));
            default:
                return new InputScalar(at, node.ToString(), ScalarKind.String);
        }
    }

    // The 0-based line of the first line whose indentation contains a tab, or null.
    private static int? FirstIndentingTab(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].AsSpan()[..(lines[i].Length - lines[i].TrimStart(" \t").Length)];
            if (indent.Contains('\t'))
            {
                return i;
            }
        }

        return null;
    }

    // The 0-based line where nesting (indentation or open brackets) first goes past the limit, or null.
    private static int? TooDeep(string yaml)
    {
        var lines = yaml.Split('\n');
        var brackets = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length - line.TrimStart(' ').Length > 2 * MaxDepth)
            {
                return i;
            }

            foreach (var c in line)
            {
                brackets += c is '[' or '{' ? 1 : c is ']' or '}' ? -1 : 0;
                if (brackets > MaxDepth)
                {
                    return i;
                }
            }
        }

        return null;
    }

    private static ScalarKind KindOf(YamlScalarNode scalar)
    {
        if (scalar.Style != ScalarStyle.Plain)
        {
            return ScalarKind.String;
        }

        var text = scalar.Value ?? "";
        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
            "true" or "false" or "True" or "False" => ScalarKind.Boolean,
            _ when decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _) => ScalarKind.Number,
            _ => ScalarKind.String,
        };
    }
}
