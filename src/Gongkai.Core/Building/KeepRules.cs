using Gongkai.Input;
using Gongkai.Model;
using Gongkai.Pages;

namespace Gongkai.Building;

/// <summary>
/// Which of the last build's files a rebuild may keep, from the keys of the input that build's stamp recorded and of the
/// input now; only while nothing site-wide (site.json, theme, options, generator) changed (<see cref="From"/>). A region
/// none of whose files changed keeps all that was made from it, and its input is not read again
/// (<see cref="RegionUnchanged"/>); the rest is decided once the keys of what the files are made from are known
/// (<see cref="Files"/>).
/// </summary>
internal sealed class KeepRules
{
    private readonly BuildKeys _keys;

    private KeepRules(BuildStamp last, BuildKeys keys) => (Last, _keys) = (last, keys);

    /// <summary>The stamp of the last build.</summary>
    public BuildStamp Last { get; }

    /// <summary>The slugs of the regions none of whose files changed.</summary>
    public IEnumerable<string> UnchangedRegions => _keys.Scopes.Keys.Where(RegionUnchanged).Select(BuildKeys.SlugOf);

    /// <summary>The rules for a rebuild after the build of <paramref name="last"/>; null when nothing may be kept (none, or a site-wide change).</summary>
    public static KeepRules? From(BuildStamp? last, BuildKeys keys) => last is not null && last.SiteKey == keys.Site ? new(last, keys) : null;

    /// <summary>True when the files of the region folder <paramref name="scope"/> are those the last build read (false for null: no region).</summary>
    public bool RegionUnchanged(string? scope) =>
        scope is not null && Last.Scopes.TryGetValue(scope, out var before) && _keys.Scopes.TryGetValue(scope, out var now) && before == now;

    /// <summary>
    /// The files kept, given the keys of what the site-wide files (<paramref name="siteData"/>) and each region's other
    /// files than report pages (<paramref name="regionData"/>, by scope) are made from now; the reports of <paramref name="site"/>
    /// whose text is not what the last build read (by the hashes of <paramref name="inputs"/>) have their pages made again.
    /// </summary>
    public KeptFiles Files(string siteData, IReadOnlyDictionary<string, string> regionData, Site site, IReadOnlyDictionary<string, InputStat> inputs)
    {
        bool RegionDataUnchanged(string scope) => Last.RegionData.TryGetValue(scope, out var before) && before == regionData.GetValueOrDefault(scope);
        bool TextChanged(string body) =>
            !(Last.Inputs.TryGetValue(body, out var was) && inputs.TryGetValue(body, out var now) && was.Hash.AsSpan().SequenceEqual(now.Hash));
        var siteWide = Last.SiteData == siteData;
        var textOnly = _keys.Scopes.Keys.Where(scope => !RegionUnchanged(scope) && RegionDataUnchanged(scope)).ToHashSet(StringComparer.Ordinal);
        return new KeptFiles(
            Last.Outputs,
            siteWide,
            _keys.Scopes.Keys.Where(RegionUnchanged).ToHashSet(StringComparer.Ordinal),
            textOnly,
            ReportsWithNewText(site, textOnly.Contains, TextChanged));
    }

    // The files of the pages of published reports whose body is in a region folder inScope says and changed says has
    // changed (by input path).
    private static HashSet<string> ReportsWithNewText(Site site, Func<string, bool> inScope, Func<string, bool> changed) =>
        [.. from region in site.Regions
            where inScope(BuildKeys.ScopeOfRegion(region.Slug))
            from d in region.Disclosures
            from e in d.Entries ?? []
            where e.Status == ReportStatus.Published && e.Body is not null && changed(e.Body.RelativePath)
            select Permalinks.FileOf(Permalinks.Report(region.Slug, d.Year, e.Id))];
}
