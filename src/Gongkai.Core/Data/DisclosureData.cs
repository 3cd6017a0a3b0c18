using Gongkai.Model;
using Gongkai.Publication;

namespace Gongkai.Data;

/// <summary>The machine-readable public data of a disclosure, written as <c>index.json</c> beside its page. Property order is declaration order.</summary>
public sealed record DisclosureData(
    string Region,
    string RegionName,
    int FiscalYear,
    int PublishedYear,
    string Title,
    string Publisher,
    string? DocumentNo,
    string? Date,
    string Page,
    EvaluationData Evaluation,
    IReadOnlyList<Indicator>? Indicators,
    bool Itemised,
    string? CatalogueNote,
    IReadOnlyList<EntryData>? Entries)
{
    /// <summary>The data of a public disclosure; <paramref name="href"/> turns a site path into a link.</summary>
    public static DisclosureData From(PublicDisclosure d, Func<string, string> href, string pagePath, Func<PublicEntry, string> reportPath) =>
        new(d.RegionSlug, d.RegionName, d.FiscalYear, d.PublishedYear, d.Title, d.Publisher, d.DocumentNo, d.Date,
            href(pagePath),
            new EvaluationData(d.Evaluation.ObjectCount,
                d.Evaluation.ByCategory?.Select(c => new CategoryCountData(c.Category.Id, c.Category.Label, c.Count)).ToList(),
                d.Evaluation.TotalAmount, d.Evaluation.ReportCount, d.Evaluation.WithheldCount),
            d.Indicators.Count > 0 ? d.Indicators : null,
            d.IsItemised, d.CatalogueNote,
            d.Entries?.Select(e => EntryData.From(e, e.IsPublished ? href(reportPath(e)) : null)).ToList());
}

/// <summary>The declared figures; <see cref="TotalAmount"/> in 万元.</summary>
public sealed record EvaluationData(int ObjectCount, IReadOnlyList<CategoryCountData>? ByCategory, decimal TotalAmount, int ReportCount, int WithheldCount);

/// <summary>A category and its count of evaluation objects.</summary>
public sealed record CategoryCountData(string Category, string Label, int Count);

/// <summary>
/// A catalogue entry's public fields; a withheld entry has only no, status, category and withheldReason. Region and
/// year are set in the site-wide exports (<c>data/all-reports.*</c>) and left out beside a disclosure, where they are known.
/// </summary>
public sealed record EntryData(
    string? Region,
    string? RegionName,
    int? FiscalYear,
    int No,
    string Status,
    string? Id,
    string? Title,
    string? Category,
    string? CategoryLabel,
    decimal? Amount,
    string? AmountNote,
    decimal? Score,
    string? Grade,
    string? Page,
    string? Url,
    string? WithheldReason)
{
    /// <summary>The data of one public entry.</summary>
    public static EntryData From(PublicEntry e, string? page) =>
        new(null, null, null, e.No, e.IsPublished ? "published" : "withheld", e.Id, e.Title, e.Category?.Id, e.Category?.Label,
            e.Amount, e.AmountNote, e.Score, e.Grade?.Label(), page, e.Url, e.WithheldReason);
}
