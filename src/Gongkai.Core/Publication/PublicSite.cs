using Gongkai.Model;

namespace Gongkai.Publication;

/// <summary>The public view of the whole site; the only model that rendering, data export and search receive.</summary>
public sealed record PublicSite(SiteInfo Info, IReadOnlyList<PublicRegion> Regions);

/// <summary>The public view of a region and its disclosures, newest first; <see cref="Aliases"/> are its former slugs.</summary>
public sealed record PublicRegion(string Slug, string Name, string Level, string? Parent, string? Summary, IReadOnlyList<PublicDisclosure> Disclosures,
    IReadOnlyList<string> Aliases)
{
    /// <summary>The newest disclosure, or null for a region that has none yet.</summary>
    public PublicDisclosure? Latest => Disclosures.Count > 0 ? Disclosures[0] : null;
}
