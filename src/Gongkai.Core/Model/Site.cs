namespace Gongkai.Model;

/// <summary>The whole input: settings and regions, sorted by slug.</summary>
public sealed record Site(SiteInfo Info, IReadOnlyList<Region> Regions);
