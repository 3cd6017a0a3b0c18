using System.Globalization;
using Gongkai.Input.Tree;
using Gongkai.Validation;

namespace Gongkai.Input;

/// <summary>
/// Reads typed fields from an <see cref="InputMap"/>, reporting each problem with the field's position and its path
/// (<paramref name="path"/> is where the map stands, e.g. <c>[2]</c> or <c>evaluation</c>).
/// </summary>
public sealed class Fields(InputMap map, DiagnosticBag diagnostics, string path = "")
{
    /// <summary>The map being read.</summary>
    public InputMap Map => map;

    /// <summary>
    /// Fields of a file's root object that may hold only <paramref name="known"/> fields; null (reported) when the root
    /// is not an object. <paramref name="what"/> names the root in the message, e.g. "region.json".
    /// </summary>
    public static Fields? OfRoot(InputNode root, string what, string[] known, DiagnosticBag diagnostics)
    {
        if (root is not InputMap map)
        {
            diagnostics.Error("GK0101", root.Location, $"{what} must hold an object, got {root.Describe()}");
            return null;
        }

        var fields = new Fields(map, diagnostics);
        fields.RejectUnknown(known);
        return fields;
    }

    /// <summary>The path of a field of this map, e.g. <c>[2].score</c>.</summary>
    public string PathOf(string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>Where a field's value stands, or the map itself when the field is absent.</summary>
    public SourceLocation LocationOf(string key) => map[key]?.Location ?? map.Location;

    /// <summary>Reports an error about a field at its value's position.</summary>
    public void Error(string code, string key, string message, string? hint = null) =>
        diagnostics.Error(code, LocationOf(key), message, hint, PathOf(key));

    /// <summary>A string field; numbers are accepted as their text.</summary>
    public string? String(string key, bool required = false)
    {
        var node = Get(key, required);
        switch (node)
        {
            case null:
                return null;
            case InputScalar { Kind: ScalarKind.String or ScalarKind.Number } s when s.Text.Trim().Length > 0:
                return s.Text.Trim();
            case InputScalar { Kind: ScalarKind.String }:
                Error("GK0104", key, $"\"{key}\" must not be empty");
                return null;
            default:
                WrongType(key, node, "a string");
                return null;
        }
    }

    /// <summary>A calendar date written <c>YYYY-MM-DD</c>, kept as that text (it sorts and prints the same everywhere).</summary>
    public string? Date(string key, bool required = false)
    {
        if (String(key, required) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return text;
        }

        Error("GK0102", key, $"\"{key}\" must be a date written YYYY-MM-DD, got \"{text}\"");
        return null;
    }

    /// <summary>A whole-number field within [min, max].</summary>
    public int? Int(string key, bool required = false, int min = 0, int max = int.MaxValue)
    {
        var node = Get(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is InputScalar { Kind: ScalarKind.Number } s && int.TryParse(s.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (value >= min && value <= max)
            {
                return value;
            }

            OutOfRange(key, node, $"a whole number {RangeText(min, max)}");
            return null;
        }

        WrongType(key, node, $"a whole number {RangeText(min, max)}");
        return null;
    }

    /// <summary>A decimal field within [min, max], parsed from its source text so no precision is lost.</summary>
    public decimal? Decimal(string key, bool required = false, decimal min = 0, decimal max = decimal.MaxValue)
    {
        var node = Get(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is InputScalar { Kind: ScalarKind.Number } s &&
            decimal.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            if (value >= min && value <= max)
            {
                return value;
            }

            OutOfRange(key, node, DecimalRangeText(min, max));
            return null;
        }

        WrongType(key, node, DecimalRangeText(min, max));
        return null;
    }

    /// <summary>An object field.</summary>
    public InputMap? Object(string key, bool required = false)
    {
        var node = Get(key, required);
        if (node is null or InputMap)
        {
            return (InputMap?)node;
        }

        WrongType(key, node, "an object");
        return null;
    }

    /// <summary>A list field.</summary>
    public InputList? List(string key, bool required = false)
    {
        var node = Get(key, required);
        if (node is null or InputList)
        {
            return (InputList?)node;
        }

        WrongType(key, node, "a list");
        return null;
    }

    /// <summary>Reports every key not in <paramref name="known"/>, with a "did you mean" hint for near misses; <c>$schema</c> (for editors) is always allowed.</summary>
    public void RejectUnknown(params string[] known)
    {
        foreach (var property in map.Properties)
        {
            if (property.Key == "$schema" || Array.IndexOf(known, property.Key) >= 0)
            {
                continue;
            }

            var nearest = known.MinBy(k => EditDistance(k, property.Key));
            var hint = nearest is not null && EditDistance(nearest, property.Key) <= Math.Max(2, nearest.Length / 3)
                ? $"did you mean \"{nearest}\"?"
                : $"known fields: {string.Join(", ", known)}";
            diagnostics.Error("GK0103", property.KeyLocation, $"unknown field \"{property.Key}\"", hint, PathOf(property.Key));
        }
    }

    private InputNode? Get(string key, bool required)
    {
        var node = map[key];
        if (node is InputScalar { Kind: ScalarKind.Null })
        {
            node = null;
        }

        if (node is null && required)
        {
            diagnostics.Error("GK0100", map.Location, $"missing required field \"{key}\"", null, PathOf(key));
        }

        return node;
    }

    private void WrongType(string key, InputNode node, string expected) =>
        Error("GK0101", key, $"\"{key}\" must be {expected}, got {node.Describe()}");

    private void OutOfRange(string key, InputNode node, string expected) =>
        Error("GK0102", key, $"\"{key}\" must be {expected}, got {node.Describe()}");

    // Made only for a message: two numbers per catalogue entry are read, and nearly all of them are right.
    private static string DecimalRangeText(decimal min, decimal max) => (min, max) switch
    {
        (decimal.MinValue, decimal.MaxValue) => "a number",
        (_, decimal.MaxValue) => $"a number ≥ {min}",
        _ => $"a number between {min} and {max}",
    };

    private static string RangeText(int min, int max) =>
        max == int.MaxValue ? $"≥ {min}" : $"between {min} and {max}";

    internal static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
