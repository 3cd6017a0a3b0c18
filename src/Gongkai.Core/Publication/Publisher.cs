using Gongkai.Model;

namespace Gongkai.Publication;

/// <summary>
/// The redaction boundary: turns the office's full model into the public view. Nothing after this step sees a
/// withheld entry's title, amount, score, grade, body, url or attachments.
/// </summary>
public static class Publisher
{
    /// <summary>The public view of a site.</summary>
    public static PublicSite Publish(Site site) =>
        new(site.Info, [.. site.Regions.Select(Publish)]);

    private static PublicRegion Publish(Region region) =>
        new(region.Slug, region.Name, region.Level, region.Parent, region.Summary,
            [.. region.Disclosures.Select(d => Publish(d, region.Name))]);

    private static PublicDisclosure Publish(Disclosure d, string regionName) =>
        new(d.RegionSlug, regionName, d.Year, d.Title, d.FiscalYear, d.PublishedYear, d.Publisher, d.DocumentNo, d.Date,
            d.CatalogueTitle, d.CatalogueNote, d.Evaluation, d.Body,
            d.Entries?.OrderBy(e => e.No).Select(Publish).ToList());

    /// <summary>The public view of one entry.</summary>
    public static PublicEntry Publish(CatalogueEntry e) => e.Status == ReportStatus.Published
        ? new PublicEntry(e.No, e.Status, e.Category, null, e.Id, e.Title, e.Amount, e.AmountNote, e.Score, e.Grade,
            e.Body?.Markdown, e.Url, e.Attachments)
        : new PublicEntry(e.No, e.Status, e.Category, e.WithheldReason, null, null, null, null, null, null, null, null, []);
}
