using Gongkai.Publication;

namespace Gongkai.Pages;

/// <summary>
/// The permanent URL scheme. Paths are relative to the base URL and end with '/' for pages:
/// <c>regions/&lt;slug&gt;/</c>, <c>regions/&lt;slug&gt;/&lt;year&gt;/</c>, <c>regions/&lt;slug&gt;/&lt;year&gt;/reports/&lt;id&gt;/</c>.
/// </summary>
public sealed class Permalinks(string baseUrl)
{
    /// <summary>The base URL every link starts with, ending in '/'.</summary>
    public string BaseUrl { get; } = baseUrl;

    /// <summary>The home page.</summary>
    public static string Home => "";

    /// <summary>A region's page.</summary>
    public static string Region(string slug) => $"regions/{slug}/";

    /// <summary>A disclosure's page.</summary>
    public static string Disclosure(string regionSlug, int year) => $"regions/{regionSlug}/{year}/";

    /// <summary>A disclosure's page.</summary>
    public static string Disclosure(PublicDisclosure d) => Disclosure(d.RegionSlug, d.Year);

    /// <summary>A disclosure's public data.</summary>
    public static string DisclosureData(string regionSlug, int year) => Disclosure(regionSlug, year) + "index.json";

    /// <summary>A disclosure's public data.</summary>
    public static string DisclosureData(PublicDisclosure d) => DisclosureData(d.RegionSlug, d.Year);

    /// <summary>A published report's page.</summary>
    public static string Report(string regionSlug, int year, string id) => $"{Disclosure(regionSlug, year)}reports/{id}/";

    /// <summary>A published report's page.</summary>
    public static string Report(PublicDisclosure d, PublicEntry e) =>
        e.Id is null ? throw new InvalidOperationException("a withheld entry has no page") : Report(d.RegionSlug, d.Year, e.Id);

    /// <summary>The file a page path is written to.</summary>
    public static string FileOf(string pagePath) => pagePath + "index.html";

    /// <summary>True when the base URL names scheme and host, so links can be given in full (sitemap, canonical links).</summary>
    public bool IsAbsolute => BaseUrl.StartsWith("http://", StringComparison.Ordinal) || BaseUrl.StartsWith("https://", StringComparison.Ordinal);

    /// <summary>The site-wide update history (更新记录).</summary>
    public static string Updates => "updates/";

    /// <summary>The Atom feed of new disclosures and revisions.</summary>
    public static string Feed => "feed.xml";

    /// <summary>The page describing the open data.</summary>
    public static string Data => "data/";

    /// <summary>A link to a path, with the base URL.</summary>
    public string Href(string path) => BaseUrl + path;
}
