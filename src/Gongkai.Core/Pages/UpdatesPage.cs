using Gongkai.Feeds;
using Gongkai.Pipelines;
using Scriban.Runtime;

namespace Gongkai.Pages;

/// <summary>The site-wide 更新记录 page: every dated publication and revision, newest first, linked to its page.</summary>
public static class UpdatesPage
{
    /// <summary>The page document, made (and the updates listed) only if it is written.</summary>
    public static Document Create(Lazy<IReadOnlyList<SiteUpdate>> updates, PageModel pages) =>
        PageModel.Later(Permalinks.Updates, null, () => Page(updates.Value, pages));

    private static Document Page(IReadOnlyList<SiteUpdate> updates, PageModel pages)
    {
        var title = pages.Strings["updates.title"];
        var items = updates.Select(u => new
        {
            u.Date,
            Headline = AtomFeed.Headline(u, pages.Strings),
            Href = pages.Links.Href(u.Target),
            u.Note,
        }).ToList();
        return pages.Page(Permalinks.Updates, "updates", title, pages.Strings["updates.description"], pages.SectionTrail(title, Permalinks.Updates),
            new ScriptObject { ["updates"] = items, ["feed_href"] = pages.Links.Href(Permalinks.Feed) });
    }
}
