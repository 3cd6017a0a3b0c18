using System.CommandLine;
using System.Security.Cryptography;
using Gongkai.Building;
using Gongkai.Pipelines;
using Spectre.Console;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai build</c>: builds the input folder into the output folder.</summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var input = FolderOptions.Input("Input folder (site.json, regions/…)");
        var output = FolderOptions.Output("Output folder; replaced only when the build succeeds");
        var theme = FolderOptions.Theme("Theme folder (layouts, partials, i18n, assets)");
        var baseUrl = new Option<string?>("--base-url") { Description = "Base URL of the site, overriding site.json (e.g. /disclosures/)" };
        var parallelism = new Option<int>("--parallelism") { Description = "Documents processed at once (default: one per core)" };
        parallelism.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--parallelism must be 1 or more");
            }
        });

        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Refuse to build when the input has warnings" };
        var noSearch = new Option<bool>("--no-search") { Description = "Skip the search index (faster previews)" };
        var timings = new Option<bool>("--timings") { Description = "Print how long each phase and pipeline took" };
        var previous = new Option<string?>("--previous-manifest") { Description = "A previous snapshot's manifest.json: fail if one of its pages would disappear" };
        var shardPages = AtLeastOne("--search-shard-pages",
            "Searchable pages per search index; a larger site is indexed in shards merged in the browser (bounds Pagefind's memory)",
            Gongkai.Search.SearchShards.DefaultPagesPerShard);
        var catalogueReports = AtLeastOne("--catalogue-page-reports",
            "Reports the site-wide catalogue lists on one page; a larger site has a catalogue page per region (keeps pages light)",
            Gongkai.Pages.CataloguePage.DefaultPageReports);

        var command = new Command("build", "Build the site from the input folder.")
        {
            input, output, theme, baseUrl, parallelism, warningsAsErrors, noSearch, previous, shardPages, catalogueReports, timings,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new BuildOptions(parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(theme)!, parse.GetValue(baseUrl),
                parse.GetValue(parallelism), parse.GetValue(warningsAsErrors), !parse.GetValue(noSearch), parse.GetValue(previous), parse.GetValue(shardPages),
                parse.GetValue(catalogueReports)),
            parse.GetValue(timings), cancellationToken));
        return command;
    }

    // An option taking a whole number of at least 1.
    private static Option<int> AtLeastOne(string name, string description, int defaultValue)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"{name} must be 1 or more");
            }
        });
        return option;
    }

    private static async Task<int> RunAsync(BuildOptions options, bool timings, CancellationToken cancellationToken)
    {
        // SHA-256 is OpenSSL's, loaded on first use (3 ms on one core): load it on another thread while the input is listed,
        // so that the build's first hash (the theme's files) does not wait for it.
        _ = Task.Run(() => SHA256.HashData([]), cancellationToken);
        var console = AnsiConsole.Console;
        var before = TimingsPrinter.Count();
        var memory = new BuildMemory
        {
            DiscardOldSite = DiscardCommand.Start,
            WaitingForOtherBuild = () => console.Line($"Waiting for another build into {options.Output} to finish (serve?)…"),
        };
        BuildResult result;
        try
        {
            result = console.Profile.Capabilities.Interactive
                ? await console.Status().StartAsync("building…", status =>
                    SiteBuilder.BuildAsync(options, new Progress<PipelineFinished>(p => status.Status($"building… {p.Finished}/{p.Total} pipelines ({p.Name}: {p.Documents} files)")), memory, cancellationToken))
                : await SiteBuilder.BuildAsync(options, null, memory, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Line(ConsoleLines.Red, "error:", $" {e.Message}");
            return 2;
        }

        DiagnosticPrinter.Print(console, result.Diagnostics);
        if (!result.Succeeded)
        {
            if (result.Error is not null)
            {
                console.Line(ConsoleLines.Red, "error:", $" {result.Error}");
            }

            console.Line(ConsoleLines.Red, "Build failed.", $" {Path.GetFullPath(options.Output)} was left unchanged.");
            return 1;
        }

        if (result.UpToDate)
        {
            console.Line(ConsoleLines.Green, "Up to date:",
                $" input, theme and options are as at the last build; {Path.GetFullPath(options.Output)} holds its {result.Pages} pages ({result.Elapsed.TotalSeconds:0.00} s to check).");
            return 0;
        }

        PrintRedactions(console, result.Redactions?.Disclosures ?? []);
        if (result.TextEdit)
        {
            // Only report texts changed, each with as many passages cut as before: the site was not counted again.
            console.Line("Withheld: as at the last build (only report texts changed).");
        }

        console.Line(ConsoleLines.Green, "Built",
            $" {result.Pages} pages, {result.Files} files ({result.Bytes / 1024.0:0.0} KiB) into {Path.GetFullPath(options.Output)} in {result.Elapsed.TotalSeconds:0.00} s.");
        if (result.Kept > 0)
        {
            console.Line($"Kept {result.Kept} files made from unchanged input as the last build wrote them.");
        }

        if (options.Search)
        {
            console.Line($"Search index built in {result.SearchElapsed.TotalSeconds:0.00} s.");
        }

        if (timings)
        {
            TimingsPrinter.Print(console, result, before);
        }

        return 0;
    }

    // One line per disclosure while they fit on a screen; a large archive gets the totals (the details are in data/redactions.json).
    private static void PrintRedactions(IAnsiConsole console, IReadOnlyList<Gongkai.Data.RedactionCount> disclosures)
    {
        if (disclosures.Count > 20)
        {
            console.Line(
                $"Withheld: {disclosures.Sum(d => d.WithheldEntries)} entries, {disclosures.Sum(d => d.RedactedPassages)} passages in {disclosures.Count} disclosures (by disclosure: data/redactions.json)");
            return;
        }

        foreach (var d in disclosures)
        {
            console.Line($"Withheld: {d.RegionName} {d.FiscalYear}: {d.WithheldEntries} entries, {d.RedactedPassages} passages");
        }
    }
}
