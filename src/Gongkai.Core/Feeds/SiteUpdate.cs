using Gongkai.Pages;
using Gongkai.Publication;

namespace Gongkai.Feeds;

/// <summary>What happened on a date: a disclosure was published, or a disclosure or report was revised.</summary>
public enum UpdateKind
{
    /// <summary>A disclosure with a <c>date</c> was published.</summary>
    Published,

    /// <summary>A disclosure or a published report was revised.</summary>
    Revised,
}

/// <summary>
/// One dated event of the site's public history (更新记录 and the Atom feed). <see cref="Path"/> is the page it concerns and
/// <see cref="Fragment"/> the revision's anchor on that page (<c>revision-2</c>), null for a publication.
/// </summary>
public sealed record SiteUpdate(string Date, UpdateKind Kind, string RegionName, int FiscalYear, string Title, string Path, string? Note, string? Fragment)
{
    /// <summary>The page path with the anchor: what to link to.</summary>
    public string Target => Fragment is null ? Path : $"{Path}#{Fragment}";

    /// <summary>A key that stays the same across builds, for feed entry ids.</summary>
    public string Key => $"{Path}#{Fragment ?? "published"}";
}

/// <summary>Collects the site's dated events from the public view, newest first.</summary>
public static class SiteUpdates
{
    /// <summary>Every dated event: publication of dated disclosures and every revision of a disclosure or published report.</summary>
    public static IReadOnlyList<SiteUpdate> From(PublicSite site)
    {
        var updates = new List<SiteUpdate>();
        foreach (var d in site.Regions.SelectMany(r => r.Disclosures))
        {
            var path = Permalinks.Disclosure(d);
            if (d.Date is { } date)
            {
                updates.Add(new(date, UpdateKind.Published, d.RegionName, d.FiscalYear, d.Title, path, null, null));
            }

            updates.AddRange(Revisions(d.Revisions, d.RegionName, d.FiscalYear, d.Title, path));
            foreach (var e in d.Published)
            {
                updates.AddRange(Revisions(e.Revisions, d.RegionName, d.FiscalYear, e.Title!, Permalinks.Report(d, e)));
            }
        }

        return
        [
            .. updates.OrderByDescending(u => u.Date, StringComparer.Ordinal)
                .ThenBy(u => u.Path, StringComparer.Ordinal)
                .ThenBy(u => u.Key, StringComparer.Ordinal),
        ];
    }

    /// <summary>The anchor of the <paramref name="index"/>-th (from 0) revision in a page's 修订记录.</summary>
    public static string RevisionAnchor(int index) => $"revision-{index + 1}";

    private static IEnumerable<SiteUpdate> Revisions(IReadOnlyList<Model.Revision> revisions, string regionName, int fiscalYear, string title, string path) =>
        revisions.Select((r, i) => new SiteUpdate(r.Date, UpdateKind.Revised, regionName, fiscalYear, title, path, r.Note, RevisionAnchor(i)));
}
