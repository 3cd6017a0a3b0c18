using System.Diagnostics;
using System.Security.Cryptography;
using Gongkai.Archive;
using Gongkai.Data;
using Gongkai.Input;
using Gongkai.Input.Binding;
using Gongkai.Model;
using Gongkai.Pages;
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

    /// <summary>
    /// Runs a build. Input errors and failures come back in the result; the previous output stays intact on failure. A
    /// process that builds again and again passes the same <paramref name="memory"/> each time (see <see cref="BuildMemory"/>).
    /// </summary>
    public static async Task<BuildResult> BuildAsync(BuildOptions options, IProgress<PipelineFinished>? progress = null, BuildMemory? memory = null,
        CancellationToken cancellationToken = default)
    {
        var refusal = new OutputFolder(options.Output).Refusal(("input", options.Input), ("theme", options.Theme));
        if (refusal is not null)
        {
            return BuildResult.Failed([], refusal, TimeSpan.Zero);
        }

        memory ??= new BuildMemory();
        // Held until the build's record is written, which a session does after this returns (BuildMemory.RecordLater). The
        // build's time starts once it holds the output.
        var held = await OutputLock.AcquireAsync(options.Output, memory.WaitingForOtherBuild, cancellationToken).ConfigureAwait(false);
        try
        {
            return await BuildAsync(options.WithoutRedundantBaseUrl(), progress, memory, trustLast: true, Stopwatch.StartNew(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _ = memory.Recorded.ContinueWith(_ => held.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    // trustLast false: the output was found changed by hand, so the last build's record is not used (a full build).
    private static async Task<BuildResult> BuildAsync(BuildOptions options, IProgress<PipelineFinished>? progress, BuildMemory memory,
        bool trustLast, Stopwatch watch, CancellationToken cancellationToken)
    {
        // The last build of this process may still be writing its record (see BuildMemory.RecordLater).
        await memory.Recorded.ConfigureAwait(false);
        var output = new OutputFolder(options.Output);
        var phases = new Dictionary<string, PhaseTime>(StringComparer.Ordinal);
        var (mark, cpuMark, allocatedMark, collectionsMark, pausedMark) =
            (TimeSpan.Zero, Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.GetTotalPauseDuration());
        void Phase(string name)
        {
            // Every collection counts as one of generation 0 too.
            var (now, cpu, allocated, collections, paused) =
                (watch.Elapsed, Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.GetTotalPauseDuration());
            phases[name] = new PhaseTime(now - mark, cpu - cpuMark, allocated - allocatedMark, collections - collectionsMark, paused - pausedMark);
            (mark, cpuMark, allocatedMark, collectionsMark, pausedMark) = (now, cpu, allocated, collections, paused);
        }

        // Checking permanent links needs every page in staging, so a build against a previous manifest always runs in full.
        var cache = new BuildCache(options, memory);
        var incremental = options.PreviousManifest is null && Directory.Exists(options.Input);
        // The last build's summary is read while the input folder is listed. Whether the output is as that build left it (a
        // stat per folder) is found out from then on, beside the build's own work, and waited for (and helped with) before
        // anything is kept or skipped on the summary's word; when it is not, the build starts again in full. A build that
        // will keep nothing, or fails on its input, stops it: it has no use for the answer.
        var checking = new CancellationTokenSource();
        var loading = incremental && trustLast
            ? Task.Run(() =>
            {
                var last = cache.ReadLast();
                if (last is not null)
                {
                    cache.StartCheck(last, checking.Token);
                }

                return last;
            }, cancellationToken)
            : Task.FromResult<BuildSummary?>(null);
        var listing = memory.ListInput(options.Input);
        var setting = incremental ? memory.Setting(options) : null;
        var summary = await loading.ConfigureAwait(false);
        // A file changed in the last two seconds is compared by its content (usually the one just edited, and no other).
        var listingKey = summary is null ? null : BuildKeys.OfListing(listing, setting!, i => SHA256.HashData(File.ReadAllBytes(listing.FullPath(listing.Files[i]))));
        var unchanged = listingKey is not null && listingKey == summary!.ListingKey;
        bool Intact() => summary is not null && cache.Intact(summary);
        Task<BuildResult> Afresh() => BuildAsync(options, progress, memory, trustLast: false, watch, cancellationToken);
        Phase("check the last build");
        if (unchanged)
        {
            return Intact() ? UpToDate(summary!) : await Afresh().ConfigureAwait(false);
        }

        // The theme is loaded for the locale the last build had from now on, beside reading the input: after an edit of
        // report text, the rest of the build waited for it on one core while the other had nothing to do.
        string[] folders = [.. ThemeFolders(options)];
        var lastTheme = summary is null ? default : (summary.Locale, Loading: LoadTheme(summary.Locale));

        // Hashed once: the build keys and build-info.json both name the input tree. Files the last build saw with the same
        // size and time keep their hash unread. A missing input folder is reported by validation below.
        var previous = summary is null ? null : cache.LoadStamp(summary);
        var inputFiles = InputFiles.Read(listing, previous?.Inputs);
        var inputHash = inputFiles.Hash;
        var keys = setting is null ? null : BuildKeys.For(inputFiles, setting, previous);
        listingKey ??= setting is null ? null : BuildKeys.OfListing(listing, setting, i => inputFiles.Hashes[i].Hash);
        Phase("read and hash input");
        if (previous is not null && previous.Key == keys!.Full)
        {
            if (!Intact())
            {
                return await Afresh().ConfigureAwait(false);
            }

            // The same bytes under other times (a file touched, or one that had settled since): remember the times, so
            // the next check reads no file.
            cache.Remember(summary! with { ListingKey = listingKey! });
            return UpToDate(summary!);
        }

        // The report bodies of unchanged regions are not read again, nor, when the model the last build checked is there,
        // anything else of theirs.
        var rules = keys is null ? null : KeepRules.From(previous, keys);
        if (rules is null)
        {
            checking.Cancel();
        }

        // After an edit to the text of report bodies alone, only the edited regions are read (see TextEdit); not for a
        // search index, whose shards span regions.
        var edit = rules is null || options.Search ? null : TextEdit.Find(rules, keys!, inputFiles, cache.Regions, listing.Root, options.BaseUrl);
        KeptInput? kept = null;
        KeptFiles? keptFiles = null;
        IReadOnlyList<SearchShard> shards = [];
        Site site;
        PublicSite publicSite;
        IReadOnlyList<Diagnostic> diagnostics;
        IReadOnlyDictionary<string, int> passages;
        IReadOnlyDictionary<string, string>? regionData;
        string? linkTargets, siteData;
        Task<Theme> loadingTheme;
        if (edit is not null)
        {
            inputFiles.ReleaseBytes();
            (site, publicSite) = (edit.Site, edit.Published);
            loadingTheme = SiteTheme();
            // The rest of the site is made from what the last build found, and so are the warnings, but those of the edited
            // texts, which have none now.
            (linkTargets, siteData, regionData, passages) = (rules!.Last.LinkTargets, rules.Last.SiteData, rules.Last.RegionData, rules.Last.Passages);
            diagnostics = [.. summary!.Warnings.Where(w => !edit.Bodies.Contains(w.Location.File))];
            Phase("check input");
        }
        else
        {
            kept = rules is null ? null : new KeptInput(path => rules.RegionUnchanged(BuildKeys.ScopeOf(path)),
                cache.Regions.Load(rules.UnchangedRegions.ToDictionary(slug => slug, slug => keys!.OfRegion(slug, listing.Root))),
                rules.Last.Passages, summary!.Warnings);

            var validation = Validate(kept);
            linkTargets = keys is null || validation.Site is null ? null : BuildKeys.OfLinkTargets(validation.Site);
            // The links of kept bodies and regions were checked against the pages the last build made. When the pages are others
            // now (a report added or removed), or the input has errors (so that all of them are reported), everything is checked.
            if (kept is not null && (!validation.Passes(options.WarningsAsErrors) || linkTargets != rules!.Last.LinkTargets))
            {
                kept = null;
                validation = Validate(null);
            }

            // The input's bytes are not used after this: let the collector have them while pages are made (on L, 22 MB).
            inputFiles.ReleaseBytes();
            if (rules is null)
            {
                QuietHeap.Close();
            }

            diagnostics = validation.Diagnostics;
            Phase("check input");
            if (!validation.Passes(options.WarningsAsErrors))
            {
                checking.Cancel();
                return BuildResult.Failed(diagnostics, null, watch.Elapsed);
            }

            site = validation.Site!;
            if (options.BaseUrl is { } baseUrl)
            {
                site = site with { Info = site.Info with { BaseUrl = SiteInfoBinder.NormaliseBaseUrl(baseUrl) } };
            }

            // The theme's templates are parsed and compiled while the site is published and the keys of what it is made from are made.
            loadingTheme = SiteTheme();
            var published = Publisher.Publish(site);
            var cut = BodyPassages(site, published);
            var bodies = ReportBodies(site);
            // Three passes over every input file or report, side by side.
            var (siteKey, regionKeys, shardList) = ((string?)null, (IReadOnlyDictionary<string, string>?)null, (IReadOnlyList<SearchShard>)[]);
            Parallel.Invoke(
                () => siteKey = keys?.OfSiteData(inputFiles.Hashes, bodies, cut),
                () => regionKeys = keys?.OfRegionData(inputFiles.Hashes, bodies, cut),
                () => shardList = SearchShards.For(published, options.SearchShardPages));
            (publicSite, passages, siteData, regionData, shards) = (published, cut, siteKey, regionKeys, shardList);
            // A file is kept when it was made from the same input: its region's, or, site-wide, the site's but report text.
            keptFiles = rules?.Files(siteData!, regionData!, site, inputFiles.Stats);
        }
        Theme theme;
        try
        {
            theme = await loadingTheme.ConfigureAwait(false);
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

        var search = pagefind is null ? null : new SearchStage(pagefind, shards);
        var buildInfo = BuildInfo.For(inputHash, site.Info.BaseUrl);
        var engine = new Engine(edit is not null
            ? SitePipelines.ForTextEdit(publicSite, theme, buildInfo, (destination, _) => !edit.Pages.Contains(destination))
            : SitePipelines.Create(publicSite, theme, buildInfo, shards, keptFiles is null ? null : keptFiles.Unchanged,
                keptFiles is null ? null : keptFiles.WholeRegion, options.CataloguePageReports), options.EffectiveParallelism);
        Phase("theme, publish, set-up");
        output.BeginStaging();
        EngineResult result;
        List<Document> documents;
        IReadOnlyDictionary<string, string?> made;
        var searchWatch = new Stopwatch();
        var (applying, stale, indexLater, indexed, sameFiles) = (false, false, false, false, false);
        var (files, bytes) = (0, 0L);
        PendingStamp? stamping = null;
        try
        {
            result = await engine.RunAsync(output.Staging, progress, cancellationToken).ConfigureAwait(false);
            documents = [.. result.Outputs.Values.SelectMany(d => d)];
            // Each file made, with the region it came from: what the stamp records, and what tells the files no longer made;
            // those of regions kept whole were not even made as documents. After a text edit, the last build's files: the
            // same theme made the same assets, and the edited regions the same pages (their models are the last build's).
            made = edit is not null ? rules!.Last.Outputs : Made(documents, keptFiles);

            Phase("pipelines");
            if (options.PreviousManifest is { } previousManifest && PermalinkCheck.Missing(previousManifest, output.Staging) is { Count: > 0 } missing)
            {
                output.Abandon();
                return BuildResult.Failed(diagnostics,
                    $"{missing.Count} page(s) of the previous snapshot would disappear: {string.Join(", ", missing.Take(10))}; " +
                    "when an id is renamed, list the old one under the entry's \"aliases\"" +
                    (missing.Any(p => p.StartsWith(CataloguePage.Path, StringComparison.Ordinal))
                        ? $"; the catalogue has a page per region only above {options.CataloguePageReports} reports: to keep them, pass a lower --catalogue-page-reports"
                        : ""), watch.Elapsed);
            }

            if (rules is not null && !Intact())
            {
                output.Abandon();
                stale = true;
            }
            else if (rules is null)
            {
                if (search is not null)
                {
                    searchWatch.Start();
                    search.IndexAll(output.Staging, output.Staging);
                    searchWatch.Stop();
                    Phase("search index");
                }

                // Every file in staging is a document's or the search index's: only the index is counted on disk.
                var index = Count(Path.Combine(output.Staging, Pagefind.Folder));
                (files, bytes) = (documents.Count + index.Files, documents.Sum(d => d.Written) + index.Bytes);
                ForgetLast();
                output.Commit();
            }
            else
            {
                ForgetLast();
                applying = true;
                // The files the last build made and this one did not (none after a text edit, which made the same).
                List<string> gone = edit is not null ? [] : [.. rules.Last.Outputs.Keys.Where(d => !made.ContainsKey(d))];
                sameFiles = gone.Count == 0 && made.Count == rules.Last.Outputs.Count;
                var (fileChange, byteChange) = output.ApplyChanges(gone);
                (files, bytes) = (summary!.Files + fileChange, summary.Bytes + byteChange);
                // A session that records later (serve) shows the changed pages first and indexes them with its record.
                indexLater = search is not null && memory.RecordsLater;
                if (search is not null && !indexLater)
                {
                    IndexChanges();
                    Phase("search index");
                }
            }
        }
        catch (Exception e) when (e is PipelineException or ThemeException or SearchIndexException or IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            Discard();
            return BuildResult.Failed(diagnostics, e.Message, watch.Elapsed);
        }
        catch
        {
            Discard();
            throw;
        }

        if (stale)
        {
            return await Afresh().ConfigureAwait(false);
        }

        var pages = edit is not null ? summary!.Pages : made.Keys.Count(d => d.EndsWith(".html", StringComparison.Ordinal));
        Phase(rules is null ? "swap into output" : "move changes into output");
        // What this build did, before a session's record indexes the changed shards on another thread and counts their files.
        var (shown, shownBytes, searchTime) = (files, bytes, searchWatch.Elapsed);
        // The old output's removal and the build's record: in serve, done while the result is served (BuildMemory.RecordLater;
        // deleting the old site after a full build of 10,000 reports takes seconds on a disk).
        if (memory.Record(Finish))
        {
            Phase("remove old files, record the build");
        }

        return new BuildResult(
            true,
            diagnostics,
            null,
            pages,
            shown,
            shownBytes,
            watch.Elapsed,
            result.Durations,
            edit is null ? RedactionReport.From(publicSite) : null,
            searchTime,
            phases,
            Kept: documents.Count(d => d.Unchanged) + made.Count - documents.Count,
            Modules: result.Modules,
            TemplatesInterpreted: theme.Interpreted,
            TextEdit: edit is not null);

        Task<Theme> LoadTheme(string locale) => Task.Run(() => memory.Theme(folders, locale, () => Theme.Load(folders, locale)), cancellationToken);

        Task<Theme> SiteTheme() => site.Info.Locale == lastTheme.Locale ? lastTheme.Loading! : LoadTheme(site.Info.Locale);

        // Every file is parsed now: read those the hash check did not (but the bodies kept), in parallel.
        ValidationResult Validate(KeptInput? keep)
        {
            inputFiles.ReadAll(keep?.IsKept);
            return SiteValidator.Validate(options.Input, inputFiles, keep);
        }

        // The shards of the changed regions, made from the whole site, which is now in the output folder, through staging.
        void IndexChanges()
        {
            searchWatch.Start();
            var gone = search!.IndexChanged(options.Output, output.Staging, s => keys!.ShardKey(s.Regions), rules!.Last.Search);
            var (indexFiles, indexBytes) = output.ApplyChanges(gone);
            (files, bytes, indexed) = (files + indexFiles, bytes + indexBytes, true);
            searchWatch.Stop();
        }

        // When the index made here fails, the pages moved in stay (the session shows the failure) and no record is written,
        // so the next build is a full one.
        void Finish()
        {
            try
            {
                try
                {
                    if (indexLater)
                    {
                        IndexChanges();
                    }
                }
                finally
                {
                    output.Finish(memory.DiscardOldSite);
                }

                if (keys is null || stamping is null)
                {
                    return;
                }

                // While the stamp is still being written: the record's folders are found and looked up meanwhile, and Save
                // waits for the stamp before it records anything.
                cache.Save(
                    stamping,
                    listingKey!, site.Info.Locale, pages, files, bytes, [.. diagnostics.Where(d => d.Severity == Severity.Warning)], rules is null ? null : output.ChangedFolders,
                    // The same files as the last build (a text or a score changed, nothing added or removed) and no search index
                    // made again: the same folders (on 10,000 reports, finding them from every file's path took 4 ms).
                    sameFiles && !indexed ? summary!.Folders : null);
            }
            finally
            {
                SettleStamp();
            }

            cache.Regions.Save(
                site.Regions.Where(r => !ReferenceEquals(kept?.Regions.GetValueOrDefault(r.Slug), r)).Select(r => (r, keys.OfRegion(r.Slug, listing.Root))),
                passages,
                keys.Scopes.Keys.Select(BuildKeys.SlugOf).ToHashSet(StringComparer.Ordinal));
        }

        // Before the output changes: the last build's record goes (a build cut short leaves none, so the next one is full),
        // and this one's stamp is started, to be written beside moving its files in (see BuildCache.StartStamp).
        void ForgetLast()
        {
            cache.Forget();
            stamping = keys is null ? null : cache.StartStamp(new BuildStamp(keys.Full, keys.Site, keys.Scopes, made,
                search is null ? new Dictionary<string, string>() : shards.ToDictionary(s => s.Folder, s => keys.ShardKey(s.Regions), StringComparer.Ordinal),
                inputFiles.Stats, passages, linkTargets!, siteData!, regionData!));
        }

        // However the build ends, its stamp is written by then: no write may outlive the build's hold on the output folder.
        // One that failed is reported by Save, and needs no report when the build failed anyway.
        void SettleStamp()
        {
            try
            {
                stamping?.Written.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
            }
        }

        BuildResult UpToDate(BuildSummary last) =>
            new(true, last.Warnings, null, last.Pages, last.Files, last.Bytes, watch.Elapsed, new Dictionary<string, TimeSpan>(), null, UpToDate: true);

        void Discard()
        {
            SettleStamp();
            if (applying)
            {
                output.RollBack();
            }
            else
            {
                output.Abandon();
            }
        }
    }

    // Each file the documents made, with the region it came from, and those of the regions kept whole.
    private static Dictionary<string, string?> Made(List<Document> documents, KeptFiles? kept)
    {
        var made = documents.ToDictionary(d => d.Destination, d => d.Scope, StringComparer.Ordinal);
        foreach (var (destination, scope) in kept?.OfWhole ?? [])
        {
            made.TryAdd(destination, scope);
        }

        return made;
    }

    // How many passages were cut from each report body that had any (by input path): the next build's count for a body it
    // does not read (see KeptBody).
    internal static Dictionary<string, int> BodyPassages(Site site, PublicSite published)
    {
        var passages = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (d, shown) in site.Regions.SelectMany(r => r.Disclosures).Zip(published.Regions.SelectMany(r => r.Disclosures)))
        {
            var byNo = (shown.Entries ?? []).ToDictionary(e => e.No, e => e.RedactedPassages);
            foreach (var entry in (d.Entries ?? []).Where(e => e.Body is not null && byNo[e.No] > 0))
            {
                passages[entry.Body!.RelativePath] = byNo[entry.No];
            }
        }

        return passages;
    }

    // The input paths of the report bodies the site reads (or keeps from the last build).
    private static HashSet<string> ReportBodies(Site site) =>
        [.. site.Regions.SelectMany(r => r.Disclosures).SelectMany(d => d.Entries ?? []).Select(e => e.Body?.RelativePath).OfType<string>()];

    private static (int Files, long Bytes) Count(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return (0, 0);
        }

        var files = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
        return (files.Count, files.Sum(f => f.Length));
    }
}
