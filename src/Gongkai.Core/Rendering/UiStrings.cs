using System.Text.Json;
using Scriban.Runtime;

namespace Gongkai.Rendering;

/// <summary>The interface text of one locale, from <c>theme/i18n/&lt;locale&gt;.json</c>: every word the UI shows lives there.</summary>
public sealed class UiStrings
{
    private readonly Dictionary<string, string> _flat;

    private UiStrings(Dictionary<string, string> flat, ScriptObject tree)
    {
        _flat = flat;
        Tree = tree;
    }

    /// <summary>The strings as nested objects for templates: <c>t.catalogue.withheld</c>.</summary>
    public ScriptObject Tree { get; }

    /// <summary>A string by dotted key, e.g. <c>catalogue.withheld</c>.</summary>
    public string this[string key] => _flat.TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"UI string '{key}' is missing from the locale file");

    /// <summary>A string by dotted key, or null when the key has none (it is missing, or names a group of strings).</summary>
    public string? Find(string key) => _flat.GetValueOrDefault(key);

    /// <summary>A string by dotted key with its placeholders {0}, {1} … filled in.</summary>
    public string Format(string key, params object?[] values) => Formats.Fill(this[key], values);

    /// <summary>Loads a locale file.</summary>
    public static UiStrings Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        var tree = Convert(document.RootElement, "", flat);
        return new UiStrings(flat, tree);
    }

    private static ScriptObject Convert(JsonElement element, string prefix, Dictionary<string, string> flat)
    {
        var result = new ScriptObject();
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                result[property.Name] = Convert(property.Value, key + ".", flat);
            }
            else
            {
                var text = property.Value.GetString() ?? "";
                flat[key] = text;
                result[property.Name] = text;
            }
        }

        return result;
    }
}
