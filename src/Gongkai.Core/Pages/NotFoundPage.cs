using Gongkai.Pipelines;
using Scriban.Runtime;

namespace Gongkai.Pages;

/// <summary>The page static hosts show for a missing address (<c>404.html</c>), with ways back into the site.</summary>
public static class NotFoundPage
{
    /// <summary>The 404 page document.</summary>
    public static Document Create(PageModel pages)
    {
        var document = pages.Page("404.html", "notfound", pages.Strings["notfound.title"], pages.Strings["notfound.description"], [], new ScriptObject());
        return document with { Destination = "404.html" };
    }
}
