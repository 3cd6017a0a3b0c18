using Gongkai.Pipelines;
using Gongkai.Publication;
using Gongkai.Rendering;

namespace Gongkai.Pages;

/// <summary>
/// Pages at former addresses (the <c>aliases</c> of entries and regions) that send readers and search engines to the current page:
/// a meta refresh, a canonical link and a plain link, so permanent links keep working after an office renames an id.
/// </summary>
public static class RedirectPages
{
    /// <summary>
    /// One redirect document per former address: each alias of a published entry, and for each former slug of a region
    /// its region page, its disclosures and their reports (under their ids and aliases), and its catalogue page when it is
    /// one of <paramref name="catalogueRegions"/>, those with a page of the site-wide catalogue (see <see cref="CataloguePage.Listed"/>).
    /// </summary>
    public static IEnumerable<Document> Create(PublicSite site, Permalinks links, UiStrings t, IReadOnlyList<PublicRegion>? catalogueRegions = null)
    {
        Document Redirect(string from, string to, string title) =>
            Document.Later(Permalinks.FileOf(from), null, () => Html(links.Href(to), title, site.Info.Locale, t));

        var catalogues = catalogueRegions?.Select(r => r.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var region in site.Regions)
        {
            string[] slugs = [region.Slug, .. region.Aliases];
            foreach (var slug in region.Aliases)
            {
                yield return Redirect(Permalinks.Region(slug), Permalinks.Region(region.Slug), region.Name);
                if (catalogues?.Contains(region.Slug) == true)
                {
                    yield return Redirect(CataloguePage.RegionPath(slug), CataloguePage.RegionPath(region.Slug), t.Format("site_catalogue.region_title", region.Name));
                }
            }

            foreach (var d in region.Disclosures)
            {
                foreach (var slug in region.Aliases)
                {
                    yield return Redirect(Permalinks.Disclosure(slug, d.Year), Permalinks.Disclosure(d), d.Title);
                }

                // Most entries have no former address; the pairs below were six allocations per entry all the same.
                foreach (var e in d.Published.Where(e => slugs.Length > 1 || e.Aliases.Count > 0))
                {
                    var ids = slugs.SelectMany(slug => new[] { e.Id! }.Concat(e.Aliases).Select(id => (Slug: slug, Id: id)));
                    foreach (var (slug, id) in ids.Where(x => x.Slug != region.Slug || x.Id != e.Id))
                    {
                        yield return Redirect(Permalinks.Report(slug, d.Year, id), Permalinks.Report(d, e), e.Title ?? "");
                    }
                }
            }
        }
    }

    private static string Html(string target, string title, string locale, UiStrings t)
    {
        var href = HtmlText.Escape(target);
        return $"""
            <!DOCTYPE html>
            <html lang="{HtmlText.Escape(locale)}">
            <head>
            <meta charset="utf-8">
            <title>{HtmlText.Escape(t["redirect.title"])}</title>
            <meta name="robots" content="noindex">
            <link rel="canonical" href="{href}">
            <meta http-equiv="refresh" content="0; url={href}">
            </head>
            <body>
            <p>{HtmlText.Escape(t["redirect.text"])}<a href="{href}">{HtmlText.Escape(title)}</a></p>
            </body>
            </html>

            """;
    }
}
