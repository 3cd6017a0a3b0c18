using Markdig.Parsers;
using Markdig.Syntax;

namespace Gongkai.Markdown;

/// <summary>
/// A passage an office keeps for its own records: <c>:::redacted{reason="…"}</c> … <c>:::</c>. Its lines are never
/// stored, so nothing of them can be rendered; only the reason is kept.
/// </summary>
public sealed class RedactedBlock(BlockParser parser) : LeafBlock(parser)
{
    /// <summary>Why the passage is withheld, or null when the opening line is malformed.</summary>
    public string? Reason { get; set; }

    /// <summary>The opening line as written, for error messages.</summary>
    public string Opening { get; set; } = "";

    /// <summary>True once the closing <c>:::</c> line was seen; an unclosed block swallows the rest of the document.</summary>
    public bool IsClosed { get; set; }
}
