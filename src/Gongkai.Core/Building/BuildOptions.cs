namespace Gongkai.Building;

/// <summary>
/// What to build and where: input, theme and output folders, an optional base URL override, threads to use, whether
/// warnings stop the build, whether to build the search index (off for fast previews and benchmarks of page work), and
/// a previous snapshot's manifest whose pages must all still exist (permanent links), and how many searchable pages
/// one search index may hold before it is split (see <see cref="Gongkai.Search.SearchShards"/>).
/// </summary>
public sealed record BuildOptions(string Input, string Output, string Theme, string? BaseUrl = null, int Parallelism = 0, bool WarningsAsErrors = false,
    bool Search = true, string? PreviousManifest = null, int SearchShardPages = Gongkai.Search.SearchShards.DefaultPagesPerShard)
{
    /// <summary>The parallelism to use: the option, or one thread per core.</summary>
    public int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;
}
