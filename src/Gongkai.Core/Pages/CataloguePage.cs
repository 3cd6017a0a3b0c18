using Gongkai.Model;
using Gongkai.Pipelines;
using Gongkai.Publication;
using Scriban.Runtime;

namespace Gongkai.Pages;

/// <summary>A row of the site-wide catalogue: the entry with its region and disclosure, and the values filters and sorting use.</summary>
public sealed record SiteCatalogueRow(PublicRegion Region, PublicDisclosure Disclosure, PublicEntry Entry, string? Href, string DisclosureHref)
{
    /// <summary>"published" or "withheld".</summary>
    public string Status => Entry.IsPublished ? "published" : "withheld";

    /// <summary>The category id, or empty.</summary>
    public string CategoryId => Entry.Category?.Id ?? "";

    /// <summary>The grade id, or empty.</summary>
    public string GradeId => Entry.Grade?.Id() ?? "";
}

/// <summary>A filter choice: the value in the data attribute and the label shown.</summary>
public sealed record FilterOption(string Value, string Label);

/// <summary>The site-wide catalogue: every report across regions and years, a complete table that scripts can filter and sort.</summary>
public static class CataloguePage
{
    /// <summary>The page's path.</summary>
    public const string Path = "catalogue/";

    /// <summary>The catalogue page document, made only if it is written (10,000 rows on a large archive).</summary>
    public static Document Create(PublicSite site, PageModel pages) => PageModel.Later(Path, null, () => Page(site, pages));

    private static Document Page(PublicSite site, PageModel pages)
    {
        var strings = pages.Strings;
        var rows = (from region in site.Regions
                    from d in region.Disclosures
                    from e in d.Entries ?? []
                    select new SiteCatalogueRow(region, d, e, e.IsPublished ? pages.Links.Href(Permalinks.Report(d, e)) : null,
                        pages.Links.Href(Permalinks.Disclosure(d))))
            .OrderBy(r => r.Region.Slug, StringComparer.Ordinal)
            .ThenByDescending(r => r.Disclosure.FiscalYear)
            .ThenBy(r => r.Entry.No)
            .ToList();
        var values = new ScriptObject
        {
            ["rows"] = rows,
            ["regions"] = site.Regions.Select(r => new FilterOption(r.Slug, r.Name)).ToList(),
            ["years"] = rows.Select(r => r.Disclosure.FiscalYear).Distinct().OrderDescending()
                .Select(y => new FilterOption(y.ToString(System.Globalization.CultureInfo.InvariantCulture), y.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
            ["categories"] = Category.All.Select(c => new FilterOption(c.Id, c.Label)).ToList(),
            ["grades"] = Enum.GetValues<Grade>().Select(g => new FilterOption(g.Id(), g.Label())).ToList(),
        };
        var title = strings["site_catalogue.title"];
        return pages.Page(Path, "catalogue", title, strings["site_catalogue.description"],
            pages.SectionTrail(title, Path),
            values, scripts: ["assets/catalogue.js"]);
    }
}
