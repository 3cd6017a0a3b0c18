using Gongkai.Model;

namespace Gongkai.Publication;

/// <summary>
/// The redaction boundary: turns the office's full model into the public view. Nothing after this step sees a
/// withheld entry's title, amount, score, grade, body, url, attachments or revisions, nor the text of a redacted passage or raw
/// HTML in any markdown.
/// </summary>
public static class Publisher
{
    /// <summary>The public view of a site.</summary>
    public static PublicSite Publish(Site site) =>
        new(site.Info, [.. site.Regions.AsParallel().AsOrdered().Select(Publish)]);

    private static PublicRegion Publish(Region region) =>
        new(region.Slug, region.Name, region.Level, region.Parent, region.Summary,
            [.. region.Disclosures.Select(d => Publish(d, region.Name))], region.Aliases);

    private static PublicDisclosure Publish(Disclosure d, string regionName)
    {
        var narrative = PassageRedactor.Redact(d.Body);
        var published = d.Entries?.OrderBy(e => e.No).Select(e => (Entry: Publish(e, out var passages), Passages: passages)).ToList();
        return new(d.RegionSlug, regionName, d.Year, d.Title, d.FiscalYear, d.PublishedYear, d.Publisher, d.DocumentNo, d.Date,
            d.CatalogueTitle, d.CatalogueNote, d.Evaluation, d.Indicators, d.Revisions, narrative.Markdown, published?.Select(p => p.Entry).ToList(),
            narrative.Passages + (published?.Sum(p => p.Passages) ?? 0));
    }

    /// <summary>The public view of one entry; <paramref name="passages"/> is how many passages were cut from its body.</summary>
    public static PublicEntry Publish(CatalogueEntry e, out int passages)
    {
        passages = 0;
        if (e.Status != ReportStatus.Published)
        {
            return new PublicEntry(e.No, e.Status, e.Category, e.WithheldReason, null, null, null, null, null, null, null, null, [], [], []);
        }

        var body = e.Body is null ? null : PassageRedactor.Redact(e.Body.Markdown);
        passages = body?.Passages ?? 0;
        return new PublicEntry(e.No, e.Status, e.Category, null, e.Id, e.Title, e.Amount, e.AmountNote, e.Score, e.Grade,
            body?.Markdown, e.Url, e.Attachments, e.Aliases, e.Revisions);
    }
}
