using System.Globalization;
using Gongkai.Input.Tree;
using Gongkai.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gongkai.Input;

/// <summary>Parses YAML (front matter) into an <see cref="InputNode"/> tree with file positions.</summary>
public static class YamlTreeReader
{
    /// <summary>Parses YAML that starts at <paramref name="firstLine"/> of <paramref name="file"/>; reports errors and returns null on failure.</summary>
    public static InputNode? Parse(string yaml, string file, int firstLine, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var at = new SourceLocation(file, (int)e.Start.Line + firstLine - 1, (int)e.Start.Column);
            var hint = yaml.Contains('\t') ? "YAML does not allow tabs for indentation; indent with spaces" : null;
            diagnostics.Error("GK0007", at, $"invalid YAML: {e.InnerException?.Message ?? e.Message}", hint);
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
