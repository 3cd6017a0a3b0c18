using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Publication;

namespace Gongkai.Search;

/// <summary>
/// One Pagefind index over some of the regions: its folder in the site (the first is <c>pagefind/</c>, which the
/// search page loads; the others are merged into it in the browser) and the region slugs it covers.
/// </summary>
public sealed record SearchShard(string Folder, IReadOnlyList<string> Regions)
{
    /// <summary>The HTML files Pagefind reads for this shard in the site folder <paramref name="site"/>, relative to it with '/'.</summary>
    public IEnumerable<string> Pages(string site, bool wholeSite) =>
        (wholeSite ? [site] : Regions.Select(r => Path.Combine(site, "regions", r)).Where(Directory.Exists))
        .SelectMany(folder => Directory.EnumerateFiles(folder, "*.html", SearchOption.AllDirectories))
        .Select(file => Path.GetRelativePath(site, file).Replace('\\', '/'));
}

/// <summary>
/// Splits the search index once a site has more searchable pages than one Pagefind run should hold in memory (it
/// needs about 2 GB for 5,000 Chinese pages). Regions go to shards by a hash of their slug, so a region stays in its
/// shard as the site grows, and a change to one region re-indexes that shard only.
/// </summary>
public static class SearchShards
{
    /// <summary>Searchable pages per shard, by default.</summary>
    public const int DefaultPagesPerShard = 5000;

    /// <summary>The folder of the shards after the first, inside <see cref="Pagefind.Folder"/>.</summary>
    public const string ShardsFolder = "shards";

    /// <summary>The shards of a site: one while it has at most <paramref name="pagesPerShard"/> searchable pages.</summary>
    public static IReadOnlyList<SearchShard> For(PublicSite site, int pagesPerShard = DefaultPagesPerShard)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pagesPerShard, 1);

        // Disclosure and report pages are the searchable ones (data-pagefind-body).
        var regions = site.Regions.Select(r => (r.Slug, Pages: r.Disclosures.Sum(d => 1 + d.Published.Count()))).ToList();
        var count = Math.Max(1, (regions.Sum(r => r.Pages) + pagesPerShard - 1) / pagesPerShard);
        if (count == 1)
        {
            return [new SearchShard(Pagefind.Folder + "/", [.. regions.Select(r => r.Slug)])];
        }

        return [.. regions.GroupBy(r => Bucket(r.Slug, count)).OrderBy(g => g.Key)
            .Select((g, i) => new SearchShard(i == 0 ? Pagefind.Folder + "/" : $"{Pagefind.Folder}/{ShardsFolder}/{g.Key:D2}/",
                [.. g.Select(r => r.Slug)]))];
    }

    /// <summary>The shard folder a file of the search index belongs to (the longest of <paramref name="folders"/> that holds it), or null.</summary>
    public static string? FolderOf(IEnumerable<string> folders, string relativePath) =>
        folders.Where(f => relativePath.StartsWith(f, StringComparison.Ordinal)).MaxBy(f => f.Length);

    private static int Bucket(string slug, int count) =>
        (int)(BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(slug))) % (uint)count);
}
