using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Archive;
using Gongkai.Input;
using Gongkai.Model;
using Gongkai.Validation.Audits;

namespace Gongkai.Building;

/// <summary>
/// What a build's output depends on, as hashes: <see cref="Full"/> covers everything (input, theme, options, generator);
/// <see cref="Site"/> everything except the region folders; <see cref="Scopes"/> holds one hash per region folder
/// (<c>regions/&lt;slug&gt;</c>). A page made from one region's files alone can be kept while its scope and the site key stay the same.
/// </summary>
public sealed record BuildKeys(string Full, string Site, IReadOnlyDictionary<string, string> Scopes)
{
    private const string RegionsFolder = "regions/";

    // The key of each region's link targets, by region model: serve keeps those of unchanged regions from build to build,
    // and a rebuild reads those of the regions it takes from the build cache.
    private static readonly ConditionalWeakTable<Region, string> RegionLinkTargets = new();

    /// <summary>
    /// The generator's identity: its version and the build of its code (the module id changes whenever the compiled
    /// code does), so a changed generator never reuses pages the old one wrote.
    /// </summary>
    public static string Generator { get; } = $"{BuildInfo.GeneratorVersion} {typeof(BuildKeys).Assembly.ManifestModule.ModuleVersionId}";

    /// <summary>The region folder an input file belongs to (<c>regions/&lt;slug&gt;</c>), or null for site-wide files.</summary>
    public static string? ScopeOf(string? inputPath)
    {
        ReadOnlySpan<char> scope = inputPath is null ? [] : ScopeSpan(inputPath);
        return scope.IsEmpty ? null : scope.ToString();
    }

    // The scope of an input path as part of it; empty for a site-wide file.
    private static ReadOnlySpan<char> ScopeSpan(string inputPath)
    {
        if (!inputPath.StartsWith(RegionsFolder, StringComparison.Ordinal))
        {
            return [];
        }

        var slash = inputPath.IndexOf('/', RegionsFolder.Length);
        return slash < 0 ? [] : inputPath.AsSpan(0, slash);
    }

    /// <summary>The slug of the region whose folder is <paramref name="scope"/> (see <see cref="ScopeOf"/>).</summary>
    public static string SlugOf(string scope) => scope[RegionsFolder.Length..];

    /// <summary>The folder (scope, see <see cref="ScopeOf"/>) of the region <paramref name="slug"/>.</summary>
    public static string ScopeOfRegion(string slug) => RegionsFolder + slug;

    /// <summary>
    /// What a build depends on besides its input: the generator, the theme (without <c>node_modules</c>, pinned by the
    /// lockfile) and the options that change what is written.
    /// </summary>
    public static string Setting(BuildOptions options) => Hash(
        Generator,
        Directory.Exists(options.Theme) ? BuildInfo.TreeHash(options.Theme, skipFolder: "node_modules") : "",
        options.BaseUrl ?? "",
        options.Search.ToString(),
        options.WarningsAsErrors.ToString(),
        options.SearchShardPages.ToString(CultureInfo.InvariantCulture),
        options.CataloguePageReports.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The keys of a build of <paramref name="input"/> in <paramref name="setting"/> (see <see cref="Setting"/>). A region
    /// folder none of whose files changed since the build of <paramref name="last"/> (the stamp its hashes were compared
    /// with) keeps that build's key, when the input holds the same files as then.
    /// </summary>
    public static BuildKeys For(InputFiles input, string setting, BuildStamp? last)
    {
        // No file unknown to the last build, and as many as it had: none added, none removed.
        var changed = last is not null && input.Unknown == 0 && input.Hashes.Count == last.Inputs.Count
            ? input.Changed.Select(f => ScopeOf(f) ?? "").ToHashSet(StringComparer.Ordinal)
            : null;
        var byScope = ByScope(input.Hashes);
        var scopes = byScope.Where(g => g.Key != "").ToDictionary(
            g => g.Key,
            g => changed is not null && !changed.Contains(g.Key) && last!.Scopes.TryGetValue(g.Key, out var kept) ? kept : BuildInfo.TreeHash(g.Value),
            StringComparer.Ordinal);
        var site = Hash(setting, BuildInfo.TreeHash(byScope.GetValueOrDefault("") ?? []));
        return new BuildKeys(Hash(site, input.Hash), site, scopes);
    }

    /// <summary>
    /// A key of a build taken from the input's listing (each file's path, size and modification time) in
    /// <paramref name="setting"/>: when it is the last build's, no file needs reading to know nothing changed (as git
    /// trusts its index). A file that had not settled (see <see cref="InputListing"/>) may change again without its time
    /// moving, so it counts by its content: <paramref name="hashOf"/> gives the hash of the listing's file at an index.
    /// </summary>
    public static string OfListing(InputListing listing, string setting, Func<int, byte[]> hashOf)
    {
        using var hash = new LineHash();
        hash.Append($"{setting}\n{listing.Root}\n");
        // Each file's line is "path<TAB>size<TAB>ticks" or "path<TAB>hash"; the check that finds nothing changed is mostly this.
        for (var i = 0; i < listing.Files.Count; i++)
        {
            var file = listing.Files[i];
            hash.Append(file.Relative);
            hash.Append((byte)'\t');
            if (file.Modified < listing.Settled)
            {
                hash.Append(file.Length);
                hash.Append((byte)'\t');
                hash.Append(file.Modified);
            }
            else
            {
                hash.AppendHex(hashOf(i));
            }

            hash.Append((byte)'\n');
        }

        return hash.Finish();
    }

    /// <summary>
    /// A key of every path a link may lead to (<see cref="MarkdownAudit.LinkTargets(Site)"/>), region by region: a body kept
    /// from the last build had its links checked against the paths of the same key.
    /// </summary>
    public static string OfLinkTargets(Site site) => Hash([.. site.Regions.Select(OfLinkTargets)]);

    /// <summary>The key of the paths a link may lead to in one region (<see cref="MarkdownAudit.LinkTargets(Region)"/>).</summary>
    public static string OfLinkTargets(Region region) => RegionLinkTargets.GetValue(region, r => Hash([.. MarkdownAudit.LinkTargets(r)]));

    /// <summary>
    /// Takes <paramref name="key"/> as the <see cref="OfLinkTargets(Region)"/> of a region model read back from the build
    /// cache, which stores it with the model (see <see cref="RegionModels"/>): a rebuild need not make every kept region's paths.
    /// </summary>
    internal static void RecallLinkTargets(Region region, string key) => RegionLinkTargets.AddOrUpdate(region, key);

    /// <summary>
    /// The key of what site-wide files are made from (the site without the text of report bodies, see
    /// <see cref="Publication.PublicSite.WithoutReportBodies"/>): the site key, every input file but the report bodies
    /// (<paramref name="bodies"/>, by path), and how many passages were cut from each body, all those files see of one.
    /// </summary>
    public string OfSiteData(IReadOnlyList<FileHash> input, IReadOnlySet<string> bodies, IReadOnlyDictionary<string, int> passages) =>
        DataKey(input.Where(f => !bodies.Contains(f.Relative)), passages);

    /// <summary>
    /// For each region folder (by scope), the key of what its files other than report pages are made from, likewise (its
    /// files but the report bodies, and the passages cut from each of its bodies): while it stays the same, of that
    /// region's files only the pages of reports whose body changed are made again.
    /// </summary>
    public IReadOnlyDictionary<string, string> OfRegionData(IReadOnlyList<FileHash> input, IReadOnlySet<string> bodies, IReadOnlyDictionary<string, int> passages)
    {
        var files = ByScope(input.Where(f => !bodies.Contains(f.Relative)));
        var cut = passages.ToLookup(p => ScopeOf(p.Key) ?? "", StringComparer.Ordinal);
        return Scopes.Keys.ToDictionary(scope => scope, scope => DataKey(files.GetValueOrDefault(scope) ?? [], cut[scope]), StringComparer.Ordinal);
    }

    // The files of each region folder (by scope; "" for site-wide files), in their order: one pass, and no scope's name
    // made for each of 20,000 files.
    private static Dictionary<string, List<FileHash>> ByScope(IEnumerable<FileHash> files)
    {
        var byScope = new Dictionary<string, List<FileHash>>(StringComparer.Ordinal);
        var lookup = byScope.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var file in files)
        {
            var scope = ScopeSpan(file.Relative);
            if (!lookup.TryGetValue(scope, out var list))
            {
                lookup[scope] = list = [];
            }

            list.Add(file);
        }

        return byScope;
    }

    private string DataKey(IEnumerable<FileHash> files, IEnumerable<KeyValuePair<string, int>> passages) =>
        Hash([Site, BuildInfo.TreeHash(files),
            .. passages.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}\t{p.Value}"))]);

    /// <summary>
    /// The key of a region's checked model (see <see cref="RegionModels"/>): the site key, the region's key and the input
    /// folder (the model names its attachments by their full path).
    /// </summary>
    public string OfRegion(string slug, string inputRoot) => Hash(Site, Scopes.GetValueOrDefault(ScopeOfRegion(slug), ""), inputRoot);

    /// <summary>The key of a search shard: the site key and the keys of the regions it indexes.</summary>
    public string ShardKey(IEnumerable<string> regions) =>
        Hash([Site, .. regions.Select(slug => Scopes.GetValueOrDefault(ScopeOfRegion(slug), ""))]);

    private static string Hash(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));
}
