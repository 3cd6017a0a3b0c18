using Gongkai.Pipelines;
using Gongkai.Publication;
using Scriban.Runtime;

namespace Gongkai.Pages;

/// <summary>A page for each region, listing its disclosures by year.</summary>
public static class RegionPages
{
    /// <summary>Metadata key holding the <see cref="PublicRegion"/> of a region page, read by the home page.</summary>
    public const string RegionKey = "region";

    /// <summary>One document per region, made only when it is written; each names its region for the home page.</summary>
    public static IEnumerable<Document> Create(PublicSite site, PageModel pages) =>
        site.Regions.Select(region =>
        {
            var (path, source) = (Permalinks.Region(region.Slug), $"regions/{region.Slug}/region.json");
            return PageModel.Later(path, source, () => Page(pages, region, path, source)).With(RegionKey, region);
        });

    private static Document Page(PageModel pages, PublicRegion region, string path, string source)
    {
        var values = new ScriptObject
        {
            ["region"] = region,
            ["disclosures"] = region.Disclosures.Select(d => new { Disclosure = d, Href = pages.Links.Href(Permalinks.Disclosure(d)) }).ToList(),
        };
        var description = region.Summary ?? pages.Strings.Format("pages.region_description", region.Name);
        return pages.Page(path, "region", region.Name, description, pages.RegionTrail(region), values, source: source);
    }
}
