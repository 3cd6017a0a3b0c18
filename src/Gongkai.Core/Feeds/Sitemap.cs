using System.Text;
using Gongkai.Pages;
using Gongkai.Rendering;

namespace Gongkai.Feeds;

/// <summary>
/// <c>sitemap.xml</c> and <c>robots.txt</c>. A sitemap must list full URLs, so it is written only when the base URL is
/// absolute; robots.txt then points to it.
/// </summary>
public static class Sitemap
{
    /// <summary>The sitemap's file name.</summary>
    public const string FileName = "sitemap.xml";

    /// <summary>The sitemap listing <paramref name="pagePaths"/> (sorted, each once), or null when links are not absolute.</summary>
    public static string? Write(IEnumerable<string> pagePaths, Permalinks links)
    {
        if (!links.IsAbsolute)
        {
            return null;
        }

        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var path in pagePaths.Distinct().Order(StringComparer.Ordinal))
        {
            text.Append("<url><loc>").Append(HtmlText.Escape(links.Href(path))).Append("</loc></url>\n");
        }

        return text.Append("</urlset>\n").ToString();
    }

    /// <summary>robots.txt: everything may be crawled; the sitemap is named when there is one.</summary>
    public static string Robots(Permalinks links) =>
        "User-agent: *\nAllow: /\n" + (links.IsAbsolute ? $"Sitemap: {links.Href(FileName)}\n" : "");
}
