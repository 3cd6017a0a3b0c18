using Gongkai.Pipelines;
using Gongkai.Publication;
using Gongkai.Rendering;

namespace Gongkai.Pages;

/// <summary>
/// Pages at former addresses (an entry's <c>aliases</c>) that send readers and search engines to the current page:
/// a meta refresh, a canonical link and a plain link, so permanent links keep working after an office renames an id.
/// </summary>
public static class RedirectPages
{
    /// <summary>One redirect document per alias of a published entry.</summary>
    public static IEnumerable<Document> Create(PublicSite site, Permalinks links, UiStrings t) =>
        from region in site.Regions
        from d in region.Disclosures
        from e in d.Published
        from alias in e.Aliases
        select new Document(Permalinks.FileOf(Permalinks.Report(d.RegionSlug, d.Year, alias)))
        {
            Content = Html(links.Href(Permalinks.Report(d, e)), e.Title ?? "", site.Info.Locale, t),
        };

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
