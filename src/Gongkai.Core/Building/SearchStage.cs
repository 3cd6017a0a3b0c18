using System.Runtime.ExceptionServices;
using Gongkai.Search;

namespace Gongkai.Building;

/// <summary>
/// The last stage of a build with search: one Pagefind run per shard, each written into the staging folder. After a
/// full build every shard is indexed; after a build that kept regions, only the shards whose regions changed.
/// </summary>
public sealed class SearchStage(string binary, IReadOnlyList<SearchShard> shards)
{
    /// <summary>Indexes every shard of the site in <paramref name="site"/> into <paramref name="staging"/>.</summary>
    public void IndexAll(string site, string staging) => Index(shards, site, staging);

    /// <summary>
    /// Indexes the shards whose key (<paramref name="keyOf"/>) differs from the previous build's (<paramref name="previous"/>,
    /// by folder) from the site in <paramref name="site"/> into <paramref name="staging"/>, and returns the files of the
    /// previous index (relative to the site) that the new one no longer has: the removed shards', and those of re-indexed shards not written again.
    /// </summary>
    public IReadOnlyList<string> IndexChanged(string site, string staging, Func<SearchShard, string> keyOf, IReadOnlyDictionary<string, string> previous)
    {
        var stale = shards.Where(s => previous.GetValueOrDefault(s.Folder) != keyOf(s)).ToList();
        Index(stale, site, staging);
        var redone = stale.Select(s => s.Folder).ToHashSet(StringComparer.Ordinal);
        var current = shards.Select(s => s.Folder).ToHashSet(StringComparer.Ordinal);
        var written = Files(staging);
        return [.. Files(site).Where(f => !written.Contains(f) &&
            SearchShards.FolderOf(previous.Keys, f) is { } was && (redone.Contains(was) || !current.Contains(was)))];
    }

    // Two shards at a time: Pagefind's service takes pages one after another, on one core, and each run holds its shard's
    // index in memory (about 2 GB for 5,000 Chinese pages), so more at once would use more cores only for more memory.
    // The first failure, in shard order, is the one reported.
    private void Index(IEnumerable<SearchShard> which, string site, string staging)
    {
        var list = which.ToList();
        var failures = new Exception?[list.Count];
        Parallel.For(0, list.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(2, Environment.ProcessorCount) }, i =>
        {
            try
            {
                Pagefind.Index(binary, site, Path.Combine(staging, list[i].Folder), list[i].Pages(site, wholeSite: shards.Count == 1));
            }
            catch (Exception e) when (e is SearchIndexException or IOException or UnauthorizedAccessException)
            {
                failures[i] = e;
            }
        });

        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    // The files of the search index in a site folder, relative to the site with '/', in ordinal order.
    private static SortedSet<string> Files(string site)
    {
        var index = Path.Combine(site, Pagefind.Folder);
        return Directory.Exists(index)
            ? new SortedSet<string>(Directory.EnumerateFiles(index, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(site, f).Replace('\\', '/')), StringComparer.Ordinal)
            : new SortedSet<string>(StringComparer.Ordinal);
    }
}
