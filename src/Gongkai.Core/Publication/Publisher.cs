using System.Runtime.CompilerServices;
using Gongkai.Model;

namespace Gongkai.Publication;

/// <summary>
/// The redaction boundary: turns the office's full model into the public view. Nothing after this step sees a
/// withheld entry's title, amount, score, grade, body, url, attachments or revisions, nor the text of a redacted passage or raw
/// HTML in any markdown.
/// </summary>
public static class Publisher
{
    // A process that builds again and again (serve) keeps the model of each unchanged region from one build to the next
    // (BuildMemory): the same model, the same public view.
    private static readonly ConditionalWeakTable<Region, PublicRegion> Published = [];

    /// <summary>The public view of a site.</summary>
    public static PublicSite Publish(Site site)
    {
        PublicRegion Of(Region r) => Published.GetValue(r, Publish);
        // One region (after a text edit) on this thread: a parallel query can wait for a worker the build keeps busy.
        return new(site.Info, site.Regions.Count == 1 ? [Of(site.Regions[0])] : [.. site.Regions.AsParallel().AsOrdered().Select(Of)]);
    }

    private static PublicRegion Publish(Region region) =>
        new(region.Slug, region.Name, region.Level, region.Parent, region.Summary,
            [.. region.Disclosures.Select(d => Publish(d, region.Name))], region.Aliases);

    private static PublicDisclosure Publish(Disclosure d, string regionName)
    {
        var narrative = PassageRedactor.Redact(d.Body);
        var published = d.Entries?.OrderBy(e => e.No).Select(Publish).ToList();
        return new(d.RegionSlug, regionName, d.Year, d.Title, d.FiscalYear, d.PublishedYear, d.Publisher, d.DocumentNo, d.Date,
            d.CatalogueTitle, d.CatalogueNote, d.Evaluation, d.Indicators, d.Revisions, narrative.Markdown, published,
            narrative.Passages + (published?.Sum(e => e.RedactedPassages) ?? 0));
    }

    /// <summary>
    /// The public view of one entry. A body kept from the last build (<see cref="KeptBody"/>) is not published again:
    /// its page is not made, and its count of cut passages is that build's.
    /// </summary>
    public static PublicEntry Publish(CatalogueEntry e)
    {
        if (e.Status != ReportStatus.Published)
        {
            return new PublicEntry(e.No, e.Status, e.Category, e.WithheldReason, null, null, null, null, null, null, null, null, [], [], []);
        }

        string? markdown = null;
        var passages = 0;
        switch (e.Body)
        {
            case MarkdownBody read:
                (markdown, passages) = PassageRedactor.Redact(read.Markdown);
                break;
            case KeptBody kept:
                passages = kept.Passages;
                break;
        }

        return new PublicEntry(e.No, e.Status, e.Category, null, e.Id, e.Title, e.Amount, e.AmountNote, e.Score, e.Grade,
            markdown, e.Url, e.Attachments, e.Aliases, e.Revisions, passages);
    }
}
