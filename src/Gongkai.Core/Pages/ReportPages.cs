using Gongkai.Pipelines;
using Gongkai.Publication;
using Gongkai.Search;
using Scriban.Runtime;

namespace Gongkai.Pages;

/// <summary>A page for each published catalogue entry, and the attachments copied beside it.</summary>
public static class ReportPages
{
    /// <summary>
    /// One document per published entry of the regions <paramref name="made"/> selects; its content is the body markdown
    /// (empty when there is none).
    /// </summary>
    public static IEnumerable<Document> Create(PublicSite site, PageModel pages, Func<PublicRegion, bool> made)
    {
        foreach (var region in site.Regions.Where(made))
        {
            foreach (var disclosure in region.Disclosures)
            {
                // One text for all the pages of a catalogue (on 10,000 reports, most pages are kept and this is all made of them).
                var source = $"regions/{region.Slug}/{disclosure.Year}/reports.json";
                foreach (var entry in disclosure.Published)
                {
                    var path = Permalinks.Report(disclosure, entry);
                    yield return PageModel.Later(path, source, () => Page(site, pages, region, disclosure, entry, path, source));
                }
            }
        }
    }

    private static Document Page(PublicSite site, PageModel pages, PublicRegion region, PublicDisclosure disclosure, PublicEntry entry, string path, string source)
    {
        // Made at its size, as the page's map is (PageModel.Page): grown entry by entry it was resized twice per page.
        var values = new ScriptObject(6)
        {
            ["region"] = region,
            ["disclosure"] = disclosure,
            ["entry"] = entry,
            ["disclosure_href"] = pages.Links.Href(Permalinks.Disclosure(disclosure)),
            ["attachments"] = entry.Attachments.Select(a => new { a.FileName, Href = pages.Links.Href(path + a.FileName) }).ToList(),
            ["has_body"] = entry.BodyMarkdown is not null,
        };
        var description = pages.Strings.Format("pages.report_description", region.Name, disclosure.FiscalYear, entry.Title);
        return pages.Page(path, "report", entry.Title!, description, pages.DisclosureTrail(region, disclosure), values,
            entry.BodyMarkdown ?? "", source, search: SearchFacets.ForReport(region, disclosure, entry, site.Info, pages.Strings));
    }

    /// <summary>One copy document per attachment of a published entry.</summary>
    public static IEnumerable<Document> Attachments(PublicSite site) =>
        from item in Published(site)
        from attachment in item.Entry.Attachments
        select new Document(Permalinks.Report(item.Disclosure, item.Entry) + attachment.FileName)
        {
            CopyFrom = attachment.FullPath,
            Source = attachment.RelativePath,
        };

    private static IEnumerable<(PublicRegion Region, PublicDisclosure Disclosure, PublicEntry Entry)> Published(PublicSite site) =>
        from region in site.Regions
        from disclosure in region.Disclosures
        from entry in disclosure.Published
        select (region, disclosure, entry);
}
