namespace Gongkai.Model;

/// <summary>Site-wide settings from <c>site.json</c>.</summary>
public sealed record SiteInfo(string Title, string BaseUrl, string Locale, string? Publisher);
