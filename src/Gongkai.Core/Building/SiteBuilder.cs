using System.Diagnostics;
using Gongkai.Archive;
using Gongkai.Data;
using Gongkai.Input.Binding;
using Gongkai.Pipelines;
using Gongkai.Publication;
using Gongkai.Rendering;
using Gongkai.Search;
using Gongkai.Validation;

namespace Gongkai.Building;

/// <summary>Builds a site: read and check input, publish the public view, run the pipelines into staging, swap.</summary>
public static class SiteBuilder
{
    /// <summary>The theme's folders, overrides first: the input's own <c>theme/</c> folder when it has one, then the theme.</summary>
    public static IEnumerable<string> ThemeFolders(BuildOptions options)
    {
        var overrides = Path.Combine(options.Input, "theme");
        return Directory.Exists(overrides) ? [overrides, options.Theme] : [options.Theme];
    }

    /// <summary>Runs a build. Input errors and failures come back in the result; the previous output stays intact on failure.</summary>
    public static async Task<BuildResult> BuildAsync(BuildOptions options, IProgress<PipelineFinished>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var output = new OutputFolder(options.Output);
        var refusal = output.Refusal(("input", options.Input), ("theme", options.Theme));
        if (refusal is not null)
        {
            return BuildResult.Failed([], refusal, watch.Elapsed);
        }

        // Hashed once: the cache key and build-info.json both name the input tree. A missing input folder is reported by
        // validation below. Checking permanent links needs the pages written, so a build against a previous manifest always runs.
        var inputHash = Directory.Exists(options.Input) ? BuildInfo.TreeHash(options.Input) : null;
        var cache = new BuildCache(options);
        var key = options.PreviousManifest is null && inputHash is not null ? cache.Key(inputHash) : null;
        if (key is not null && cache.UpToDate(key) is { } stamp)
        {
            return new BuildResult(true, stamp.Warnings, null, stamp.Pages, stamp.Files, stamp.Bytes, watch.Elapsed,
                new Dictionary<string, TimeSpan>(), null, UpToDate: true);
        }

        var phases = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var mark = TimeSpan.Zero;
        void Phase(string name)
        {
            phases[name] = watch.Elapsed - mark;
            mark = watch.Elapsed;
        }

        var validation = SiteValidator.Validate(options.Input);
        var diagnostics = validation.Diagnostics;
        Phase("read and check input");
        if (!validation.Passes(options.WarningsAsErrors))
        {
            return BuildResult.Failed(diagnostics, null, watch.Elapsed);
        }

        var site = validation.Site!;
        if (options.BaseUrl is { } baseUrl)
        {
            site = site with { Info = site.Info with { BaseUrl = SiteInfoBinder.NormaliseBaseUrl(baseUrl) } };
        }

        Theme theme;
        try
        {
            theme = Theme.Load([.. ThemeFolders(options)], site.Info.Locale);
        }
        catch (ThemeException e)
        {
            return BuildResult.Failed(diagnostics, e.Message, watch.Elapsed);
        }

        var pagefind = options.Search ? Pagefind.FindBinary(theme.Root) : null;
        if (options.Search && pagefind is null)
        {
            return BuildResult.Failed(diagnostics,
                $"{theme.Root}: no Pagefind binary in node_modules/@pagefind; add pagefind to the theme's package.json or build with --no-search", watch.Elapsed);
        }

        var publicSite = Publisher.Publish(site);
        var engine = new Engine(SitePipelines.Create(publicSite, theme, BuildInfo.For(inputHash!, site.Info.BaseUrl)), options.EffectiveParallelism);
        Phase("theme, publish, set-up");
        output.BeginStaging();
        EngineResult result;
        var searchWatch = new Stopwatch();
        try
        {
            result = await engine.RunAsync(output.Staging, progress, cancellationToken).ConfigureAwait(false);
            Phase("pipelines");
            if (options.PreviousManifest is { } previous && PermalinkCheck.Missing(previous, output.Staging) is { Count: > 0 } missing)
            {
                output.Abandon();
                return BuildResult.Failed(diagnostics,
                    $"{missing.Count} page(s) of the previous snapshot would disappear: {string.Join(", ", missing.Take(10))}; " +
                    "when an id is renamed, list the old one under the entry's \"aliases\"", watch.Elapsed);
            }

            if (pagefind is not null)
            {
                searchWatch.Start();
                Pagefind.Index(pagefind, output.Staging);
                searchWatch.Stop();
                Phase("search index");
            }
        }
        catch (Exception e) when (e is PipelineException or ThemeException or SearchIndexException or IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            output.Abandon();
            return BuildResult.Failed(diagnostics, e.Message, watch.Elapsed);
        }
        catch
        {
            output.Abandon();
            throw;
        }

        var pages = result.Outputs.Values.SelectMany(d => d).Count(d => d.Destination.EndsWith(".html", StringComparison.Ordinal));
        var files = new DirectoryInfo(output.Staging).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
        Phase("count files");
        cache.Forget();
        output.Commit();
        if (key is not null)
        {
            cache.Save(new BuildStamp(key, pages, files.Count, files.Sum(f => f.Length), [.. diagnostics.Where(d => d.Severity == Severity.Warning)]));
        }

        Phase("swap into output");
        return new BuildResult(
            true,
            diagnostics,
            null,
            pages,
            files.Count,
            files.Sum(f => f.Length),
            watch.Elapsed,
            result.Durations,
            RedactionReport.From(publicSite),
            searchWatch.Elapsed,
            phases);
    }
}
