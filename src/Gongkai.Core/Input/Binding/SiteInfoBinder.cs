using Gongkai.Input.Tree;
using Gongkai.Model;
using Gongkai.Validation;

namespace Gongkai.Input.Binding;

/// <summary>Binds <c>site.json</c>.</summary>
public static class SiteInfoBinder
{
    /// <summary>The fields site.json may have.</summary>
    public static readonly string[] Known = ["title", "baseUrl", "locale", "publisher"];

    /// <summary>The site settings, or null when required fields are missing.</summary>
    public static SiteInfo? Bind(InputNode root, DiagnosticBag diagnostics)
    {
        if (root is not InputMap map)
        {
            diagnostics.Error("GK0101", root.Location, $"site.json must hold an object, got {root.Describe()}");
            return null;
        }

        var f = new Fields(map, diagnostics);
        f.RejectUnknown(Known);
        var title = f.String("title", required: true);
        var baseUrl = f.String("baseUrl") ?? "/";
        var locale = f.String("locale") ?? "zh-CN";
        var publisher = f.String("publisher");
        return title is null ? null : new SiteInfo(title, NormaliseBaseUrl(baseUrl), locale, publisher);
    }

    /// <summary>Makes a base URL end with exactly one '/', so page paths can be appended to it.</summary>
    public static string NormaliseBaseUrl(string baseUrl) => baseUrl.TrimEnd('/') + "/";
}
