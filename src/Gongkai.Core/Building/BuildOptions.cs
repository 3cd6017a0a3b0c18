namespace Gongkai.Building;

/// <summary>What to build and where: input, theme and output folders, an optional base URL override, threads to use, and whether warnings stop the build.</summary>
public sealed record BuildOptions(string Input, string Output, string Theme, string? BaseUrl = null, int Parallelism = 0, bool WarningsAsErrors = false)
{
    /// <summary>The parallelism to use: the option, or one thread per core.</summary>
    public int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;
}
