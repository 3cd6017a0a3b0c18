namespace Gongkai.Model;

/// <summary>
/// A region (自治区, 地州, 市, 县, 开发区 …) and its disclosures, newest fiscal year first. <see cref="Aliases"/> are former
/// slugs whose addresses redirect to the region's pages.
/// </summary>
public sealed record Region(
    string Slug,
    string Name,
    string Level,
    string? Parent,
    string? Summary,
    IReadOnlyList<Disclosure> Disclosures,
    IReadOnlyList<string> Aliases);
