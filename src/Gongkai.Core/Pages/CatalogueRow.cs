using Gongkai.Publication;

namespace Gongkai.Pages;

/// <summary>A catalogue table row: the public entry and the link to its page (null for withheld entries).</summary>
public sealed record CatalogueRow(PublicEntry Entry, string? Href)
{
    /// <summary>"published" or "withheld", for <c>data-status</c>.</summary>
    public string Status => Entry.IsPublished ? "published" : "withheld";
}
