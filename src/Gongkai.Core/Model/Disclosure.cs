namespace Gongkai.Model;

/// <summary>
/// One region's annual disclosure of budget-performance evaluations for a fiscal year.
/// <see cref="Entries"/> is null when the source does not itemise its reports.
/// </summary>
public sealed record Disclosure(
    string RegionSlug,
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
    IReadOnlyList<CatalogueEntry>? Entries,
    string SourcePath);
