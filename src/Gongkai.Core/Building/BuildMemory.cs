using System.Collections.Concurrent;
using Gongkai.Input;
using Gongkai.Model;
using Gongkai.Rendering;
using Gongkai.Search;

namespace Gongkai.Building;

/// <summary>
/// What a process that builds into the same output folder again and again (<c>serve</c>) keeps of the build cache
/// between builds, so the next build does not read it back: the summary and the stamp, each trusted only while its file
/// has the size and time it had when this process wrote or read it (another build into the folder makes them others),
/// and the region models read from the cache, each under its key (<see cref="BuildKeys.OfRegion"/>: the same key, the
/// same model). While a file watcher reports every change under the input folder (<see cref="WatchInput"/>), it also
/// keeps the input's listing, and a build lists again only the folders that hold what changed; while one reports every
/// change under the theme folders (<see cref="WatchTheme"/>), the loaded theme and the key of the setting. After
/// <see cref="RecordLater"/>, a build removes old files and writes its record after it returns, and the next one waits for it.
/// </summary>
public sealed class BuildMemory
{
    // More changes than this at once (a checkout, a copied folder) are as quick to find by listing everything.
    private const int FewChanges = 100;

    private readonly Lock _lock = new();
    private HashSet<string>? _changed;
    private bool _lost;
    private InputListing? _listing;
    private bool _themeWatched;
    private int _themeChanges;
    private (object Key, string Value)? _setting;
    private (object Key, Theme Value)? _theme;
    private bool _recordLater;

    internal FileMemory<BuildSummary> Summary { get; } = new();

    internal FileMemory<BuildStamp> Stamp { get; } = new();

    internal ConcurrentDictionary<string, (string Key, Region Region)> Regions { get; } = new(StringComparer.Ordinal);

    /// <summary>The last build's old files removed and its record to the cache written (see <see cref="RecordLater"/>).</summary>
    public Task Recorded { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// Once <see cref="Recorded"/> is done: why the last build's search index could not be brought up to date after it
    /// returned (its record is then not written, so the next build is a full one), or null.
    /// </summary>
    public string? RecordFailure { get; private set; }

    /// <summary>Whether builds return before their record is written (<see cref="RecordLater"/>).</summary>
    internal bool RecordsLater => _recordLater;

    /// <summary>
    /// From now on, a build returns once its files are in the output folder, and removes the old ones and writes its
    /// record (stamp, summary, region models) while its result is served: the next build waits for that first. A build
    /// that changed files of an existing site indexes the search shards of the changed regions then too, so the changed
    /// pages are shown before their search index is remade (on 10,000 reports, seconds per shard). A record
    /// that fails to be written leaves none (the last one is removed before the output changes), so the build after it
    /// is a full one; old files left behind are removed by the next build.
    /// </summary>
    public void RecordLater() => _recordLater = true;

    /// <summary>
    /// A full build into an existing output folder gives the site it replaced, renamed out of the way, to this instead of
    /// deleting it before it returns (see <see cref="OutputFolder.Finish"/>): a process about to exit hands it on to
    /// another. Null: deleted in this process.
    /// </summary>
    public Action<string>? DiscardOldSite { get; init; }

    /// <summary>Told when a build has to wait for another one into the same output folder (another process's, such as <c>serve</c>'s) to finish.</summary>
    public Action? WaitingForOtherBuild { get; init; }

    /// <summary>Runs <paramref name="record"/> now (true), or after <see cref="RecordLater"/> on the thread pool (false).</summary>
    internal bool Record(Action record)
    {
        if (!_recordLater)
        {
            record();
            return true;
        }

        RecordFailure = null;
        Recorded = Task.Run(() =>
        {
            try
            {
                record();
            }
            catch (SearchIndexException e)
            {
                RecordFailure = e.Message;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing to report to: what was not written is not trusted (see RecordLater).
            }
        });
        return false;
    }

    /// <summary>From now on, <see cref="InputChanged"/> hears of every change under the input folder (and of lost ones, <see cref="InputChangesLost"/>).</summary>
    public void WatchInput()
    {
        lock (_lock)
        {
            _changed = new(StringComparer.Ordinal);
        }
    }

    /// <summary>A file or folder under the input folder (full path) was created, changed, deleted, or renamed (both names).</summary>
    public void InputChanged(string path)
    {
        lock (_lock)
        {
            _changed?.Add(path);
        }
    }

    /// <summary>The watcher missed changes (its queue overflowed): the next build lists the whole input folder.</summary>
    public void InputChangesLost()
    {
        lock (_lock)
        {
            _lost = true;
        }
    }

    /// <summary>From now on, <see cref="ThemeChanged"/> hears of every change under the theme folders (the theme's and the input's own <c>theme/</c>).</summary>
    public void WatchTheme()
    {
        lock (_lock)
        {
            _themeWatched = true;
        }
    }

    /// <summary>A file under a theme folder changed (or changes were missed): the next build loads the theme and hashes its files again.</summary>
    public void ThemeChanged()
    {
        lock (_lock)
        {
            _themeChanges++;
            (_setting, _theme) = (null, null);
        }
    }

    /// <summary>The key of the setting of <paramref name="options"/> (<see cref="BuildKeys.Setting"/>): kept while the theme is watched and unchanged.</summary>
    internal string Setting(BuildOptions options) => KeptWhileThemeUnchanged(ref _setting, options, () => BuildKeys.Setting(options), _ => true);

    /// <summary>
    /// The theme of <paramref name="folders"/> for <paramref name="locale"/>, as <paramref name="load"/> loads it: kept while
    /// the theme is watched and unchanged, and the files it copies into the site are there.
    /// </summary>
    internal Theme Theme(IReadOnlyList<string> folders, string locale, Func<Theme> load) =>
        KeptWhileThemeUnchanged(ref _theme, string.Join('\n', folders.Append(locale)), load, theme => theme.Assets.All(a => File.Exists(a.Source)));

    private T KeptWhileThemeUnchanged<T>(ref (object Key, T Value)? slot, object key, Func<T> make, Func<T, bool> usable)
    {
        int changes;
        lock (_lock)
        {
            if (_themeWatched && slot is { } kept && kept.Key.Equals(key) && usable(kept.Value))
            {
                return kept.Value;
            }

            changes = _themeChanges;
        }

        var value = make();
        lock (_lock)
        {
            // Not kept when a change was heard while it was made: it may have been made before the change.
            if (_themeWatched && changes == _themeChanges)
            {
                slot = (key, value);
            }
        }

        return value;
    }

    /// <summary>
    /// The files of the input folder <paramref name="root"/> now: listed in full, or, while the input is watched, the
    /// last listing with the folders of what changed since listed again.
    /// </summary>
    internal InputListing ListInput(string root)
    {
        HashSet<string>? changed;
        InputListing? earlier;
        lock (_lock)
        {
            (changed, earlier) = (_changed, _lost ? null : _listing);
            _lost = false;
            _changed = changed is null ? null : new(StringComparer.Ordinal);
        }

        var listing = changed is not null && earlier is not null && earlier.Root == Path.GetFullPath(root) && changed.Count <= FewChanges
            ? InputFiles.Relist(earlier, changed)
            : InputFiles.List(root);
        if (changed is not null)
        {
            lock (_lock)
            {
                _listing = listing;
            }
        }

        return listing;
    }
}

/// <summary>The value last read from or written to a file, kept with that file's size and modification time then.</summary>
internal sealed class FileMemory<T> where T : class
{
    private (T Value, (long, long) Stat)? _kept;

    /// <summary>The kept value while the file at <paramref name="path"/> is as it was; else what <paramref name="read"/> makes of it (kept).</summary>
    public T? Read(string path, Func<T?> read)
    {
        // Looked at before it is read: a file changed in between is read again next time.
        var stat = StatOf(path);
        if (_kept is { } kept && kept.Stat == stat)
        {
            return kept.Value;
        }

        var value = read();
        _kept = value is null || stat is null ? null : (value, stat.Value);
        return value;
    }

    /// <summary>Keeps <paramref name="value"/>, just written to <paramref name="path"/>.</summary>
    public void Wrote(string path, T value) => _kept = StatOf(path) is { } stat ? (value, stat) : null;

    /// <summary>Keeps nothing.</summary>
    public void Forget() => _kept = null;

    private static (long, long)? StatOf(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? (file.Length, file.LastWriteTimeUtc.Ticks) : null;
    }
}
