using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Gongkai.Data;

/// <summary>The one set of JSON options for data exports: camelCase, nulls left out, Chinese unescaped, indented with LF.</summary>
public static class DataJson
{
    /// <summary>Shared serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        NewLine = "\n",
        TypeInfoResolver = DataJsonContext.Default,
    };

    /// <summary>The same options on one line: for JSON lines, and files only the generator reads.</summary>
    public static JsonSerializerOptions OneLine { get; } = new(Options) { WriteIndented = false };

    /// <summary>Serialises a value, ending with a newline (the text of <see cref="Utf8{T}(T)"/>).</summary>
    public static string Serialize<T>(T value) => Encoding.UTF8.GetString(Utf8(value).Span);

    /// <summary>Serialises a value with <paramref name="options"/> made from <see cref="Options"/> (so they know its type).</summary>
    public static string Serialize<T>(T value, JsonSerializerOptions options) => JsonSerializer.Serialize(value, TypeInfo<T>(options));

    /// <summary>
    /// A value serialised with <see cref="Options"/>, ending with a newline, as UTF-8 bytes: a data file is written as the
    /// serializer makes it, not made a string and encoded again (on 10,000 reports, 4 % of a build was spent so).
    /// </summary>
    public static ReadOnlyMemory<byte> Utf8<T>(T value)
    {
        var bytes = new MemoryStream();
        JsonSerializer.Serialize(bytes, value, TypeInfo<T>(Options));
        bytes.WriteByte((byte)'\n');
        return bytes.GetBuffer().AsMemory(0, (int)bytes.Length);
    }

    /// <summary>
    /// Writes a value to a new file at <paramref name="path"/> with <paramref name="options"/> made from
    /// <see cref="Options"/>, as UTF-8 straight from the serializer (no string of it in between: the build's stamp is megabytes).
    /// </summary>
    public static void Write<T>(string path, T value, JsonSerializerOptions options)
    {
        using var file = File.Create(path);
        JsonSerializer.Serialize(file, value, TypeInfo<T>(options));
    }

    /// <summary>Reads a value written with <see cref="Serialize{T}(T)"/>.</summary>
    public static T? Deserialize<T>(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize(json, TypeInfo<T>(Options));

    /// <summary>Reads a value written with <see cref="Serialize{T}(T)"/> from <paramref name="utf8"/>, a piece at a time.</summary>
    public static T? Deserialize<T>(Stream utf8) => JsonSerializer.Deserialize(utf8, TypeInfo<T>(Options));

    /// <summary>Reads a value written with <see cref="Serialize{T}(T)"/>.</summary>
    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize(json, TypeInfo<T>(Options));

    // The compiled serialisation code of T (see DataJsonContext), bound to the options' encoder, naming and indenting.
    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
