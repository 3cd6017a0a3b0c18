using Gongkai.Model;

namespace Gongkai.Publication;

/// <summary>The public view of the whole site; the only model that rendering, data export and search receive.</summary>
public sealed record PublicSite(SiteInfo Info, IReadOnlyList<PublicRegion> Regions)
{
    /// <summary>
    /// The same site without the text of report bodies (<see cref="PublicEntry.BodyMarkdown"/> null; the count of passages
    /// cut from them stays): what every page but the reports' own is made from, so that those pages are the same
    /// whatever a report's text says.
    /// </summary>
    public PublicSite WithoutReportBodies() => this with { Regions = [.. Regions.Select(WithoutReportBodies)] };

    // A region or disclosure with no text of a report (on a rebuild, every region whose bodies were kept) is taken as it is.
    private static PublicRegion WithoutReportBodies(PublicRegion r) =>
        r.Disclosures.Any(HasReportText) ? r with { Disclosures = [.. r.Disclosures.Select(WithoutReportBodies)] } : r;

    private static PublicDisclosure WithoutReportBodies(PublicDisclosure d) =>
        HasReportText(d) ? d with { Entries = [.. d.Entries!.Select(e => e.BodyMarkdown is null ? e : e with { BodyMarkdown = null })] } : d;

    private static bool HasReportText(PublicDisclosure d) => d.Entries?.Any(e => e.BodyMarkdown is not null) == true;
}

/// <summary>The public view of a region and its disclosures, newest first; <see cref="Aliases"/> are its former slugs.</summary>
public sealed record PublicRegion(string Slug, string Name, string Level, string? Parent, string? Summary, IReadOnlyList<PublicDisclosure> Disclosures,
    IReadOnlyList<string> Aliases)
{
    /// <summary>The newest disclosure, or null for a region that has none yet.</summary>
    public PublicDisclosure? Latest => Disclosures.Count > 0 ? Disclosures[0] : null;
}
