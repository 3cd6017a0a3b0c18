using System.Globalization;
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

/// <summary>A region's line on the catalogue's index: its catalogue page, the years it covers and how many reports it lists.</summary>
public sealed record CatalogueRegion(string Name, string Href, string Years, int Reports, int Published, int Withheld);

/// <summary>
/// The site-wide catalogue: every report across regions and years, a complete table that scripts can filter and sort.
/// An archive of more than <see cref="DefaultPageReports"/> reports has one such page per region instead (<see cref="RegionPath"/>),
/// which the catalogue's own page lists: as one page, 10,000 reports were 7.6 MB of HTML (401 KB compressed), too much
/// for a phone on a slow network, and the one document that took longest to make.
/// </summary>
public static class CataloguePage
{
    /// <summary>The page's path.</summary>
    public const string Path = "catalogue/";

    /// <summary>The most reports the site-wide catalogue lists on one page, unless the build says otherwise.</summary>
    public const int DefaultPageReports = 1000;

    /// <summary>The path of a region's catalogue page, when the site has them.</summary>
    public static string RegionPath(string slug) => $"{Path}{slug}/";

    /// <summary>
    /// The catalogue's documents, each made only if it is written: one page, or, when <paramref name="listed"/> names the
    /// regions with a page of their own (see <see cref="Listed"/>), an index and those pages (each made from its region's
    /// files alone).
    /// </summary>
    public static IEnumerable<Document> Create(PublicSite site, PageModel pages, IReadOnlyList<PublicRegion>? listed)
    {
        if (listed is null)
        {
            return [PageModel.Later(Path, null, () => Page(site.Regions, pages, Path, null))];
        }

        return
        [
            PageModel.Later(Path, null, () => Index(listed, pages)),
            .. listed.Select(region => PageModel.Later(RegionPath(region.Slug), SourceOf(region), () => Page([region], pages, RegionPath(region.Slug), region))),
        ];
    }

    /// <summary>
    /// The regions that have a catalogue page of their own (those with reports) when the site lists more than
    /// <paramref name="pageReports"/> reports; null when its catalogue is one page.
    /// </summary>
    public static IReadOnlyList<PublicRegion>? Listed(PublicSite site, int pageReports)
    {
        var listed = site.Regions.Where(r => Entries(r).Any()).ToList();
        return listed.Sum(r => Entries(r).Count()) > pageReports ? listed : null;
    }

    private static IEnumerable<PublicEntry> Entries(PublicRegion region) => region.Disclosures.SelectMany(d => d.Entries ?? []);

    // Every entry of the regions, with their filters; the site's catalogue when region is null, else that region's.
    private static Document Page(IReadOnlyList<PublicRegion> regions, PageModel pages, string path, PublicRegion? region)
    {
        var strings = pages.Strings;
        var rows = (from r in regions
                    from d in r.Disclosures
                    from e in d.Entries ?? []
                    select new SiteCatalogueRow(r, d, e, e.IsPublished ? pages.Links.Href(Permalinks.Report(d, e)) : null,
                        pages.Links.Href(Permalinks.Disclosure(d))))
            .OrderBy(r => r.Region.Slug, StringComparer.Ordinal)
            .ThenByDescending(r => r.Disclosure.FiscalYear)
            .ThenBy(r => r.Entry.No)
            .ToList();
        var values = new ScriptObject
        {
            ["rows"] = rows,
            ["regions"] = regions.Select(r => new FilterOption(r.Slug, r.Name)).ToList(),
            ["years"] = rows.Select(r => r.Disclosure.FiscalYear).Distinct().OrderDescending()
                .Select(y => new FilterOption(y.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture))).ToList(),
            ["categories"] = Category.All.Select(c => new FilterOption(c.Id, c.Label)).ToList(),
            ["grades"] = Enum.GetValues<Grade>().Select(g => new FilterOption(g.Id(), g.Label())).ToList(),
        };
        var siteTitle = strings["site_catalogue.title"];
        var (title, description, intro) = region is null
            ? (siteTitle, strings["site_catalogue.description"], strings["site_catalogue.intro"])
            : (strings.Format("site_catalogue.region_title", region.Name), strings.Format("site_catalogue.region_description", region.Name),
                strings.Format("site_catalogue.region_intro", region.Name));
        IReadOnlyList<Crumb> trail = region is null
            ? pages.SectionTrail(title, path)
            : [.. pages.SectionTrail(siteTitle, Path), new Crumb(title, pages.Links.Href(path))];
        values["heading"] = title;
        values["intro"] = intro;
        return pages.Page(path, "catalogue", title, description, trail, values, source: region is null ? null : SourceOf(region),
            scripts: ["assets/catalogue.js"]);
    }

    // A region's catalogue page is made from its files alone: it counts as made from the region's own file.
    private static string SourceOf(PublicRegion region) => $"regions/{region.Slug}/region.json";

    // The regions with their catalogue pages and counts.
    private static Document Index(IReadOnlyList<PublicRegion> regions, PageModel pages)
    {
        var strings = pages.Strings;
        var lines = regions.Select(r =>
        {
            var years = r.Disclosures.Where(d => d.Entries is { Count: > 0 }).Select(d => d.FiscalYear).ToList();
            var (first, last) = (years.Min(), years.Max());
            var entries = Entries(r).ToList();
            return new CatalogueRegion(r.Name, pages.Links.Href(RegionPath(r.Slug)),
                first == last ? first.ToString(CultureInfo.InvariantCulture) : strings.Format("site_catalogue.years", first, last),
                entries.Count, entries.Count(e => e.IsPublished), entries.Count(e => !e.IsPublished));
        }).ToList();
        var values = new ScriptObject
        {
            ["catalogues"] = lines,
            ["intro"] = strings.Format("site_catalogue.index_intro", lines.Sum(l => l.Reports), lines.Count),
        };
        var title = strings["site_catalogue.title"];
        return pages.Page(Path, "catalogue-index", title, strings["site_catalogue.index_description"], pages.SectionTrail(title, Path), values);
    }
}
