using System.Collections.Immutable;

namespace Gongkai.Pipelines;

/// <summary>
/// An immutable unit of work flowing through a pipeline: where it will be written (<see cref="Destination"/>, relative,
/// with '/'), its current content (markdown, then HTML, JSON …), or a file to copy, plus metadata for later modules.
/// </summary>
public sealed record Document(string Destination)
{
    // One empty map for every document (WithComparers makes a new one each time it is asked).
    private static readonly ImmutableDictionary<string, object?> NoMetadata = ImmutableDictionary<string, object?>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The text to write, or null when the document is a copied file or has already been written.</summary>
    public string? Content { get; init; }

    /// <summary>
    /// The file's bytes when they were made as UTF-8 (data serialised as JSON) rather than as text for later modules;
    /// written as they are, in place of <see cref="Content"/>.
    /// </summary>
    public ReadOnlyMemory<byte>? Utf8 { get; init; }

    /// <summary>
    /// The array <see cref="Utf8"/> lies in when it was rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>: the
    /// module that writes the bytes returns it, so the next page is made in memory already in use.
    /// </summary>
    public byte[]? Rented { get; init; }

    /// <summary>An absolute path to copy to <see cref="Destination"/> when it has neither <see cref="Content"/> nor <see cref="Utf8"/>.</summary>
    public string? CopyFrom { get; init; }

    /// <summary>
    /// True when the output folder already holds this document's file from a previous build of the same input: later
    /// document modules pass it by, and nothing is written.
    /// </summary>
    public bool Unchanged { get; init; }

    /// <summary>
    /// Makes the document in full (content, metadata) once it is known to be written: a document the build keeps
    /// unchanged is never made. Its own metadata (path, scope) is kept. See <see cref="Later(string, string?, Func{string})"/>.
    /// </summary>
    public Func<Document>? Make { get; init; }

    /// <summary>How many bytes were written for this document (once it has been written), for the build's totals.</summary>
    public long Written { get; init; }

    /// <summary>The input file this document comes from (relative to the input root), for messages.</summary>
    public string? Source { get; init; }

    /// <summary>The region folder (<c>regions/&lt;slug&gt;</c>) a document is made from alone, when it is; see <see cref="Modules.SkipUnchanged"/>.</summary>
    public string? Scope { get; init; }

    /// <summary>Values later modules and templates read; keys are the module's own, e.g. <c>model</c>, <c>layout</c>.</summary>
    public ImmutableDictionary<string, object?> Metadata { get; init; } = NoMetadata;

    /// <summary>A document whose content is made only if it is to be written.</summary>
    public static Document Later(string destination, string? source, Func<string> content) =>
        new(destination) { Source = source, Make = () => new Document(destination) { Source = source, Content = content() } };

    /// <summary>A document whose bytes (UTF-8) are made only if it is to be written.</summary>
    public static Document Later(string destination, string? source, Func<ReadOnlyMemory<byte>> utf8) =>
        new(destination) { Source = source, Make = () => new Document(destination) { Source = source, Utf8 = utf8() } };

    /// <summary>A copy with one metadata value set.</summary>
    public Document With(string key, object? value) => this with { Metadata = Metadata.SetItem(key, value) };

    /// <summary>A metadata value of the given type, or default when absent.</summary>
    public T? Get<T>(string key) => Metadata.TryGetValue(key, out var value) && value is T typed ? typed : default;

    /// <summary>A metadata value that a module requires; a missing one is a pipeline definition error.</summary>
    public T Require<T>(string key) => Get<T>(key) ?? throw new InvalidOperationException($"document '{Destination}' has no metadata '{key}' of type {typeof(T).Name}");
}
