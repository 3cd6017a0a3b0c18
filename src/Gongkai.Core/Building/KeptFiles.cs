namespace Gongkai.Building;

/// <summary>
/// The files of the last build (<paramref name="lastOutputs"/>: each with the region folder it was made from, null for
/// site-wide ones) that a rebuild keeps as they are (see <see cref="KeepRules.Files"/>): site-wide files while what they
/// are made from, all input but report text, is the same (<paramref name="siteWide"/>); all files of the regions none of
/// whose files changed (<paramref name="unchangedRegions"/>); and of the regions where only the text of reports changed
/// (<paramref name="textOnlyRegions"/>), all but the pages of those reports (<paramref name="newText"/>).
/// </summary>
internal sealed class KeptFiles(
    IReadOnlyDictionary<string, string?> lastOutputs,
    bool siteWide,
    IReadOnlySet<string> unchangedRegions,
    IReadOnlySet<string> textOnlyRegions,
    IReadOnlySet<string> newText)
{
    // The region folders whose files are kept without being made as documents at all: the unchanged regions, while the
    // site-wide files are kept too (which list those regions' pages); otherwise none. On 10,000 reports, a rebuild after
    // one change made 10,600 documents only to keep them (8 MiB of fresh memory).
    private readonly IReadOnlySet<string> _whole = siteWide ? unchangedRegions : new HashSet<string>();

    /// <summary>The files the last build made from the regions kept whole (see <see cref="WholeRegion"/>), with their region folder.</summary>
    public IEnumerable<KeyValuePair<string, string?>> OfWhole => lastOutputs.Where(o => o.Value is { } scope && _whole.Contains(scope));

    /// <summary>True when the file <paramref name="destination"/>, made from the region folder <paramref name="scope"/> (null: site-wide), is kept.</summary>
    public bool Unchanged(string destination, string? scope) =>
        lastOutputs.TryGetValue(destination, out var was) && was == scope &&
        (scope is null ? siteWide : unchangedRegions.Contains(scope) || (textOnlyRegions.Contains(scope) && !newText.Contains(destination)));

    /// <summary>
    /// True when the files of the region <paramref name="slug"/> are kept without being made as documents at all: it is
    /// unchanged, and the site-wide files, which list its pages, are kept too.
    /// </summary>
    public bool WholeRegion(string slug) => _whole.Contains(BuildKeys.ScopeOfRegion(slug));
}
