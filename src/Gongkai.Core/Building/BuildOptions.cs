using System.Text;
using System.Text.Json;
using Gongkai.Input.Binding;

namespace Gongkai.Building;

/// <summary>
/// What to build and where: input, theme and output folders, an optional base URL override, threads to use, whether
/// warnings stop the build, whether to build the search index (off for fast previews and benchmarks of page work), and
/// a previous snapshot's manifest whose pages must all still exist (permanent links), how many searchable pages one
/// search index may hold before it is split (see <see cref="Gongkai.Search.SearchShards"/>), and how many reports the
/// site-wide catalogue lists on one page before it has a page per region (see <see cref="Pages.CataloguePage"/>).
/// </summary>
public sealed record BuildOptions(string Input, string Output, string Theme, string? BaseUrl = null, int Parallelism = 0, bool WarningsAsErrors = false,
    bool Search = true, string? PreviousManifest = null, int SearchShardPages = Gongkai.Search.SearchShards.DefaultPagesPerShard,
    int CataloguePageReports = Pages.CataloguePage.DefaultPageReports)
{
    /// <summary>The parallelism to use: the option, or one thread per core.</summary>
    public int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;

    /// <summary>
    /// These options without a base URL override that only repeats site.json's (as <c>serve</c>'s "/" mostly does): the
    /// pages are the same, and now so are the build's keys, so that a build after a session, or a session after a build,
    /// into the same output keeps what is there. Kept as they are when site.json cannot be read that simply; the build
    /// then reports what is wrong with it.
    /// </summary>
    public BuildOptions WithoutRedundantBaseUrl()
    {
        if (BaseUrl is null)
        {
            return this;
        }

        try
        {
            // Read as the input reader reads it: with or without a BOM, comments and trailing commas allowed.
            ReadOnlyMemory<byte> bytes = File.ReadAllBytes(Path.Combine(Input, "site.json"));
            using var site = JsonDocument.Parse(bytes.Span.StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes,
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var given = site.RootElement.ValueKind == JsonValueKind.Object && site.RootElement.TryGetProperty("baseUrl", out var value) ? value : default;
            var own = given.ValueKind switch
            {
                JsonValueKind.Undefined => SiteInfoBinder.DefaultBaseUrl,
                JsonValueKind.String => given.GetString()!,
                _ => null,
            };
            return own is not null && SiteInfoBinder.NormaliseBaseUrl(own) == SiteInfoBinder.NormaliseBaseUrl(BaseUrl) ? this with { BaseUrl = null } : this;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return this;
        }
    }
}
