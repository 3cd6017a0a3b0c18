namespace Gongkai.Markdown;

/// <summary>Which link targets office markdown may use: web, mail and phone links, and paths within the site.</summary>
public static class LinkPolicy
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>True for a relative path or an http(s), mailto or tel URL; false for <c>javascript:</c>, <c>data:</c> and the like.</summary>
    public static bool IsAllowed(string url)
    {
        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true;
        }

        var scheme = trimmed[..colon];
        return AllowedSchemes.Any(s => s.Equals(scheme, StringComparison.OrdinalIgnoreCase));
    }
}
