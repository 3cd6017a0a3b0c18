using System.Diagnostics;
using Gongkai.Data;
using Gongkai.Input.Binding;
using Gongkai.Pipelines;
using Gongkai.Publication;
using Gongkai.Rendering;
using Gongkai.Validation;

namespace Gongkai.Building;

/// <summary>Builds a site: read and check input, publish the public view, run the pipelines into staging, swap.</summary>
public static class SiteBuilder
{
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

        var validation = SiteValidator.Validate(options.Input);
        var diagnostics = validation.Diagnostics;
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
            theme = Theme.Load(options.Theme, site.Info.Locale);
        }
        catch (ThemeException e)
        {
            return BuildResult.Failed(diagnostics, e.Message, watch.Elapsed);
        }

        var publicSite = Publisher.Publish(site);
        var engine = new Engine(SitePipelines.Create(publicSite, theme), options.EffectiveParallelism);
        output.BeginStaging();
        EngineResult result;
        try
        {
            result = await engine.RunAsync(output.Staging, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PipelineException or ThemeException or IOException or UnauthorizedAccessException)
        {
            output.Abandon();
            return BuildResult.Failed(diagnostics, e.Message, watch.Elapsed);
        }
        catch
        {
            output.Abandon();
            throw;
        }

        output.Commit();
        var written = result.Outputs.Values.SelectMany(d => d).ToList();
        return new BuildResult(
            true,
            diagnostics,
            null,
            written.Count(d => d.Destination.EndsWith(".html", StringComparison.Ordinal)),
            written.Count,
            written.Sum(d => d.Get<long>(Modules.MetadataKeys.Bytes)),
            watch.Elapsed,
            result.Durations,
            RedactionReport.From(publicSite));
    }
}
