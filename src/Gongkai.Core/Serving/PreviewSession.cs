using System.Runtime;
using System.Threading.Channels;
using Gongkai.Building;

namespace Gongkai.Serving;

/// <summary>
/// Builds a site, then rebuilds it whenever a file under the input or theme folder changes (changes arriving together
/// make one build), keeping the latest <see cref="PreviewState"/> for the live-reload stream, and between builds what
/// the next one would otherwise read back from the build cache (<see cref="BuildMemory"/>).
/// </summary>
public sealed class PreviewSession : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    private readonly BuildOptions _options;
    private readonly Action<BuildResult> _report;
    private readonly Action<string> _reportLate;
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly CancellationTokenSource _stop = new();

    // The last build's record, so a rebuild does not read it back from the build cache.
    private readonly BuildMemory _memory;
    private readonly string _inputTheme;
    private TaskCompletionSource<PreviewState> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// A session for <paramref name="options"/>; <paramref name="report"/> hears every build's result, and
    /// <paramref name="reportLate"/> what failed after a build returned (its search index, made after the pages are shown),
    /// and <paramref name="waiting"/> when a build waits for another one into the same output folder (a <c>build</c>'s).
    /// </summary>
    public PreviewSession(BuildOptions options, Action<BuildResult> report, Action<string> reportLate, Action? waiting = null)
    {
        _options = options;
        _memory = new BuildMemory { WaitingForOtherBuild = waiting };
        _inputTheme = Path.Combine(Path.GetFullPath(options.Input), "theme") + Path.DirectorySeparatorChar;
        _report = report;
        _reportLate = reportLate;
        HasSite = File.Exists(Path.Combine(options.Output, "index.html"));
    }

    /// <summary>The latest state; build 0 until the first build has finished.</summary>
    public PreviewState State { get; private set; } = new(0, false, ["构建中…"]);

    /// <summary>True when the output folder holds a site (from this session or an earlier build), so there are pages to serve.</summary>
    public bool HasSite { get; private set; }

    /// <summary>Starts watching and runs the first build (a change made while it runs makes another).</summary>
    public async Task StartAsync()
    {
        _memory.WatchInput();
        _memory.WatchTheme();
        _memory.RecordLater();
        Watch(_options.Input, input: true);
        Watch(_options.Theme, input: false);
        await BuildAsync();
        _ = Task.Run(RebuildLoop);
    }

    /// <summary>The state after <paramref name="afterBuild"/>: at once when it is already newer, else when the next build ends.</summary>
    public async Task<PreviewState> NextAsync(int afterBuild, CancellationToken cancellationToken)
    {
        var next = Volatile.Read(ref _next).Task;
        var state = State;
        return state.Build != afterBuild ? state : await next.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _watchers.ForEach(w => w.Dispose());
        _stop.Dispose();
        // A record cut short would only make the next build a full one; a finished one spares it that.
        _memory.Recorded.Wait();
    }

    private void Watch(string folder, bool input)
    {
        var watcher = new FileSystemWatcher(Path.GetFullPath(folder))
        {
            IncludeSubdirectories = true,
            EnableRaisingEvents = false,
            // Attributes: a file touched (its time changed alone) is listed again too.
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.Attributes,
        };
        FileSystemEventHandler changed = input ? OnInputChange : OnThemeChange;
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (sender, e) =>
        {
            changed(sender, e);
            if (input)
            {
                InputChanged(e.OldFullPath);
            }
        };
        watcher.Error += (_, _) =>
        {
            _memory.InputChangesLost();
            _memory.ThemeChanged();
            _changes.Writer.TryWrite(true);
        };
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void OnInputChange(object sender, FileSystemEventArgs e)
    {
        InputChanged(e.FullPath);
        _changes.Writer.TryWrite(true);
    }

    // The input's own theme folder overrides files of the theme.
    private void InputChanged(string path)
    {
        _memory.InputChanged(path);
        if ((path + Path.DirectorySeparatorChar).StartsWith(_inputTheme, StringComparison.Ordinal))
        {
            _memory.ThemeChanged();
        }
    }

    // The theme's npm packages change only when installed, which the build itself does.
    private void OnThemeChange(object sender, FileSystemEventArgs e)
    {
        if (!e.FullPath.Contains($"{Path.DirectorySeparatorChar}node_modules", StringComparison.Ordinal))
        {
            _memory.ThemeChanged();
            _changes.Writer.TryWrite(true);
        }
    }

    private static void CollectBetweenBuilds()
    {
        // A build that allocated more (a full build does) has ended the region already, perhaps just now.
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
            }
        }

        // The session keeps the last build in memory (on 10,000 reports, a heap of 80 MiB), which every collection during
        // a build has to look through: a build's garbage is collected once it is done, while the session waits for the
        // next change, and the next build runs without a collection (a rebuild after one change allocates 40 MiB;
        // collecting during it took a third of its time). Opening the stretch collects too, but that collection leaves the
        // heap uncompacted, and rebuilds without this one first were 5–25 ms slower on L.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        QuietHeap.Open();
    }

    private async Task RebuildLoop()
    {
        try
        {
            while (await _changes.Reader.WaitToReadAsync(_stop.Token))
            {
                await Task.Delay(Quiet, _stop.Token);
                _changes.Reader.TryRead(out _);
                await BuildAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task BuildAsync()
    {
        var result = await SiteBuilder.BuildAsync(_options, null, _memory, _stop.Token);
        HasSite |= result.Succeeded;
        var errors = result.Diagnostics.Where(d => d.Severity == Validation.Severity.Error).Select(d => d.ToString()).ToList();
        if (result.Error is not null)
        {
            errors.Add(result.Error);
        }

        Publish(new PreviewState(State.Build + 1, result.Succeeded, errors));
        _report(result);
        // The record's garbage is collected with the build's.
        await _memory.Recorded;
        if (_memory.RecordFailure is { } failure)
        {
            var late = $"{failure} (the changed pages are shown; the next build makes the search index again)";
            // In the terminal first: whoever waits for the state may look there once it is published.
            _reportLate(late);
            Publish(new PreviewState(State.Build + 1, false, [late], "搜索索引未能更新：页面已是最新，下一次构建会重做索引"));
        }

        CollectBetweenBuilds();
    }

    private void Publish(PreviewState state)
    {
        State = state;
        Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).SetResult(state);
    }
}
