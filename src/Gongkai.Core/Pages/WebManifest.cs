using System.Text.Json.Serialization;
using Gongkai.Data;
using Gongkai.Pipelines;
using Gongkai.Publication;
using Gongkai.Rendering;

namespace Gongkai.Pages;

/// <summary>The web app manifest (<c>manifest.webmanifest</c>): name, language, start URL under the base URL, colours and icon.</summary>
public sealed record WebManifest(
    string Name,
    [property: JsonPropertyName("short_name")] string ShortName,
    string Lang,
    [property: JsonPropertyName("start_url")] string StartUrl,
    string Display,
    [property: JsonPropertyName("theme_color")] string ThemeColor,
    [property: JsonPropertyName("background_color")] string BackgroundColor,
    IReadOnlyList<ManifestIcon> Icons)
{
    /// <summary>The manifest document of a site.</summary>
    public static Document Create(PublicSite site, Theme theme, Permalinks links)
    {
        var manifest = new WebManifest(site.Info.Title, theme.Strings["site.short_name"], site.Info.Locale, links.Href(""), "browser", "#1d4f91", "#ffffff",
            [new ManifestIcon(links.Href(theme.AssetPath("assets/icon.svg")), "any", "image/svg+xml")]);
        return new Document("manifest.webmanifest") { Utf8 = DataJson.Utf8(manifest) };
    }
}

/// <summary>An icon of the manifest.</summary>
public sealed record ManifestIcon(string Src, string Sizes, string Type);
