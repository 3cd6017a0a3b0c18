using Gongkai.Publication;

namespace Gongkai.Data;

/// <summary>How much of one disclosure was withheld: whole entries and passages cut from its markdown. Counts only.</summary>
public sealed record RedactionCount(string Region, string RegionName, int FiscalYear, int WithheldEntries, int RedactedPassages);

/// <summary>The redaction report an office reads before publishing; written to <c>data/redactions.json</c> as counts only.</summary>
public sealed record RedactionReport(IReadOnlyList<RedactionCount> Disclosures)
{
    /// <summary>The counts of every disclosure, by region and year.</summary>
    public static RedactionReport From(PublicSite site) =>
        new([.. from region in site.Regions
                from d in region.Disclosures
                select new RedactionCount(region.Slug, region.Name, d.FiscalYear, d.WithheldListed, d.RedactedPassages)]);
}
