using Gongkai.Modules;
using Gongkai.Pipelines;
using Gongkai.Publication;
using Gongkai.Rendering;
using Gongkai.Search;
using Scriban.Runtime;

namespace Gongkai.Pages;

/// <summary>A step of the breadcrumb trail.</summary>
public sealed record Crumb(string Title, string Href);

/// <summary>Builds page documents: the values every layout can use (<c>site</c>, <c>page</c>, <c>href</c>) plus the page's own.</summary>
public sealed class PageModel(PublicSite site, Permalinks links, UiStrings strings)
{
    // One function for every page: a delegate imported per page made .NET build a reflection invoker for each page.
    private readonly ScriptFunction _href = ScriptFunction.Of<string, string>(links.Href);

    /// <summary>The permalinks used for every href.</summary>
    public Permalinks Links => links;

    /// <summary>The UI strings, for titles and descriptions made in code.</summary>
    public UiStrings Strings => strings;

    /// <summary>
    /// A page document at <paramref name="path"/> rendered with <paramref name="layout"/>; <paramref name="description"/>
    /// is its meta description, <paramref name="scripts"/> the logical asset paths it loads (deferred), none by default, and
    /// <paramref name="search"/> what the search index learns of it (null: the page is not indexed).
    /// </summary>
    public Document Page(string path, string layout, string title, string description, IReadOnlyList<Crumb> breadcrumbs, ScriptObject values,
        string? markdown = null, string? source = null, IReadOnlyList<string>? scripts = null, SearchFacets? search = null)
    {
        // Made at their size: a map grown entry by entry was resized twice per page.
        var href = links.Href(path);
        var page = new ScriptObject(9)
        {
            ["title"] = title,
            ["description"] = description,
            ["path"] = path,
            ["href"] = href,
            // Its address for canonical links, which only a site with an absolute base URL knows.
            ["canonical"] = links.IsAbsolute ? href : null,
            ["breadcrumbs"] = breadcrumbs,
            ["layout"] = layout,
            ["scripts"] = scripts ?? [],
            ["search"] = search,
        };
        var model = new ScriptObject(values.Count + 3)
        {
            ["site"] = site.Info,
            ["page"] = page,
        };
        model.SetValue("href", _href, true);
        model.Import(values);
        return new Document(Permalinks.FileOf(path)) { Content = markdown, Source = source }
            .With(MetadataKeys.Layout, layout)
            .With(MetadataKeys.Model, model)
            .With(MetadataKeys.Path, path);
    }

    /// <summary>
    /// A page at <paramref name="path"/> made by <paramref name="make"/> (with <see cref="Page"/>) only if it is to be
    /// written: pages of unchanged regions, and site-wide pages that are kept, are never made. <paramref name="source"/>
    /// is the input file it comes from, null for a site-wide page.
    /// </summary>
    public static Document Later(string path, string? source, Func<Document> make) =>
        new Document(Permalinks.FileOf(path)) { Source = source, Make = make }.With(MetadataKeys.Path, path);

    /// <summary>The trail from the home page to a site-wide page such as the catalogue or search.</summary>
    public IReadOnlyList<Crumb> SectionTrail(string title, string path) =>
    [
        new(site.Info.Title, links.Href(Permalinks.Home)),
        new(title, links.Href(path)),
    ];

    /// <summary>The trail from the home page to a region.</summary>
    public IReadOnlyList<Crumb> RegionTrail(PublicRegion region) =>
    [
        new(site.Info.Title, links.Href(Permalinks.Home)),
        new(region.Name, links.Href(Permalinks.Region(region.Slug))),
    ];

    /// <summary>The trail from the home page to a disclosure.</summary>
    public IReadOnlyList<Crumb> DisclosureTrail(PublicRegion region, PublicDisclosure d) =>
        [.. RegionTrail(region), new(strings.Format("region.fiscal_year", d.FiscalYear), links.Href(Permalinks.Disclosure(d)))];
}
