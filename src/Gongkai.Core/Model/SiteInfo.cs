namespace Gongkai.Model;

/// <summary>
/// Site-wide settings from <c>site.json</c>. <see cref="Synonyms"/> maps an abbreviation to the full terms it stands
/// for (医保 → 医疗保险), so search finds pages that only use the full term. <see cref="License"/> (with an optional
/// <see cref="LicenseUrl"/>) is the terms of reuse shown on the data page.
/// </summary>
public sealed record SiteInfo(
    string Title, string BaseUrl, string Locale, string? Publisher, IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms,
    string? License = null, string? LicenseUrl = null)
{
    /// <summary>The locale as Open Graph writes it (<c>zh_CN</c> for <c>zh-CN</c>).</summary>
    public string OpenGraphLocale => Locale.Replace('-', '_');
}
