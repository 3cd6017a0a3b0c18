using System.Text;
using System.Text.Json;
using Gongkai.Input.Tree;
using Gongkai.Validation;

namespace Gongkai.Input;

/// <summary>Parses JSON into an <see cref="InputNode"/> tree that remembers line and column of every value.</summary>
public static class JsonTreeReader
{
    private const int MaxDepth = 64;

    // Up to this many keys, a duplicate is found by looking through the keys read so far.
    private const int SmallObject = 16;

    /// <summary>Parses UTF-8 JSON; on a syntax error reports it with its position and returns null.</summary>
    public static InputNode? Parse(ReadOnlyMemory<byte> utf8, string file, DiagnosticBag diagnostics)
    {
        if (utf8.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            diagnostics.Error("GK0004", SourceLocation.OfFile(file), "file is empty; expected JSON");
            return null;
        }

        var reader = new Utf8JsonReader(utf8.Span, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = MaxDepth,
        });
        var parser = new Parser(utf8, file, diagnostics);
        try
        {
            reader.Read();
            var root = parser.ReadValue(ref reader);
            if (reader.Read())
            {
                throw new JsonException("unexpected content after the end of the JSON value");
            }

            return root;
        }
        catch (JsonException e)
        {
            var (line, column) = ErrorPosition(utf8.Span, e, reader.TokenStartIndex);
            if (reader.CurrentDepth >= MaxDepth - 1)
            {
                diagnostics.Error("GK0008", new SourceLocation(file, line, column), $"JSON is nested more than {MaxDepth} levels deep",
                    "input files need only a few levels; look for unclosed [ or {");
            }
            else
            {
                diagnostics.Error("GK0005", new SourceLocation(file, line, column), $"invalid JSON: {CleanMessage(e.Message)}");
            }

            return null;
        }
    }

    private static (int, int) ErrorPosition(ReadOnlySpan<byte> utf8, JsonException e, long fallbackOffset)
    {
        if (e.LineNumber is not { } line || e.BytePositionInLine is not { } bytesIn)
        {
            return SourceText.LinePosition(utf8, fallbackOffset);
        }

        var offset = 0;
        for (var l = 0; l < line && offset < utf8.Length; l++)
        {
            var next = utf8[offset..].IndexOf((byte)'\n');
            offset = next < 0 ? utf8.Length : offset + next + 1;
        }

        return SourceText.LinePosition(utf8, offset + bytesIn);
    }

    // System.Text.Json appends its own 0-based position; ours is 1-based and already in the location.
    private static string CleanMessage(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd();
    }

    private sealed class Parser(ReadOnlyMemory<byte> utf8, string file, DiagnosticBag diagnostics)
    {
        // Tokens come in order, so the position only ever moves forward.
        private TextPosition _position = new();

        // The keys of the last object read, by place: the entries of a catalogue repeat the same keys in the same order,
        // and each entry's keys are these strings again instead of new ones.
        private readonly List<string> _keys = [];

        private SourceLocation Here(ref Utf8JsonReader reader)
        {
            _position.AdvanceTo(utf8.Span, reader.TokenStartIndex);
            return new SourceLocation(file, _position.Line, _position.Column);
        }

        public InputNode ReadValue(ref Utf8JsonReader reader)
        {
            var at = Here(ref reader);
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    return ReadObject(ref reader, at);
                case JsonTokenType.StartArray:
                    var items = new List<InputNode>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        items.Add(ReadValue(ref reader));
                    }

                    return new InputList(at, items);
                case JsonTokenType.String:
                    return new InputScalar(at, reader.GetString()!, ScalarKind.String);
                case JsonTokenType.Number:
                    return new InputScalar(at, Encoding.UTF8.GetString(reader.ValueSpan), ScalarKind.Number);
                case JsonTokenType.True:
                case JsonTokenType.False:
                    return new InputScalar(at, reader.TokenType == JsonTokenType.True ? "true" : "false", ScalarKind.Boolean);
                case JsonTokenType.Null:
                    return new InputScalar(at, "null", ScalarKind.Null);
                default:
                    throw new JsonException($"unexpected {reader.TokenType}");
            }
        }

        private InputMap ReadObject(ref Utf8JsonReader reader, SourceLocation at)
        {
            var properties = new List<InputProperty>();
            // A set of keys only for a large object: a catalogue entry has a dozen, and a set for each was 10,000 sets.
            HashSet<string>? seen = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var keyAt = Here(ref reader);
                var key = Key(ref reader, properties.Count);
                reader.Read();
                var value = ReadValue(ref reader);
                if (seen is null && properties.Count == SmallObject)
                {
                    seen = [.. properties.Select(p => p.Key)];
                }

                if (seen is null ? HasKey(properties, key) : !seen.Add(key))
                {
                    diagnostics.Error("GK0006", keyAt, $"duplicate key \"{key}\"", "each key may appear once in an object; remove or merge the other one");
                    continue;
                }

                properties.Add(new InputProperty(key, keyAt, value));
            }

            return new InputMap(at, properties);
        }

        private string Key(ref Utf8JsonReader reader, int place)
        {
            if (place < _keys.Count && reader.ValueTextEquals(_keys[place]))
            {
                return _keys[place];
            }

            var key = reader.GetString()!;
            if (place < _keys.Count)
            {
                _keys[place] = key;
            }
            else
            {
                _keys.Add(key);
            }

            return key;
        }

        private static bool HasKey(List<InputProperty> properties, string key)
        {
            foreach (var p in properties)
            {
                if (p.Key == key)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
