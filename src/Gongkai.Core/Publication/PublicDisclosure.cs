using Gongkai.Model;

namespace Gongkai.Publication;

/// <summary>
/// The public view of a disclosure: its declared figures, narrative and catalogue of public entries, and how many
/// passages were cut from the narrative and published bodies.
/// </summary>
public sealed record PublicDisclosure(
    string RegionSlug,
    string RegionName,
    int Year,
    string Title,
    int FiscalYear,
    int PublishedYear,
    string Publisher,
    string? DocumentNo,
    string? Date,
    string? CatalogueTitle,
    string? CatalogueNote,
    Evaluation Evaluation,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<Revision> Revisions,
    string Body,
    IReadOnlyList<PublicEntry>? Entries,
    int RedactedPassages)
{
    /// <summary>True when the source itemises its reports (an empty catalogue is still itemised).</summary>
    public bool IsItemised => Entries is not null;

    /// <summary>Published entries, in catalogue order.</summary>
    public IEnumerable<PublicEntry> Published => Entries?.Where(e => e.IsPublished) ?? [];

    /// <summary>Number of withheld entries in the catalogue.</summary>
    public int WithheldListed => Entries?.Count(e => !e.IsPublished) ?? 0;
}
