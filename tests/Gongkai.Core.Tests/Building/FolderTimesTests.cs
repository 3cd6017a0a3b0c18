using Gongkai.Building;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Building;

/// <summary>
/// The output check's folder times, looked up by a thread of the pool and by the waiter together, must be each folder's
/// own, in the order asked, however the lookups were shared out.
/// </summary>
public sealed class FolderTimesTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Each_folder_has_its_own_time_in_the_order_asked_and_a_known_time_is_not_looked_up()
    {
        // More folders than one share of the lookups, each dated apart (the root too; siblings looked up from their parent),
        // one known, two missing (one in a missing folder).
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        string[] folders = ["", .. Enumerable.Range(0, 300).Select(i => $"regions/r{i / 10:D2}/reports/report-{i:D3}"), "known", "missing", "missing/inside"];
        for (var i = 1; i < folders.Length - 2; i++)
        {
            Directory.CreateDirectory(_temp[folders[i]]);
        }

        for (var i = folders.Length - 3; i >= 0; i--)
        {
            Directory.SetLastWriteTimeUtc(_temp[folders[i]], start.AddSeconds(i).AddTicks(1_234));
        }

        var (hash, ticks) = FolderTimes.Start(_temp.Path, folders, i => folders[i] == "known" ? 42 : null).Wait();

        long[] expected = [.. folders.Select(f => f == "known" ? 42 : Directory.GetLastWriteTimeUtc(_temp[f]).Ticks)];
        Assert.Equal(expected, ticks);
        Assert.Equal(start.AddSeconds(1).AddTicks(1_234).Ticks, ticks[1]);
        Assert.Equal(hash, FolderTimes.Start(_temp.Path, folders, i => expected[i]).Wait().Hash);

        // Another time of one folder is another hash.
        Directory.SetLastWriteTimeUtc(_temp[folders[150]], start);
        Assert.NotEqual(hash, FolderTimes.Start(_temp.Path, folders, i => folders[i] == "known" ? 42 : null).Wait().Hash);
    }

    [Fact]
    public void A_check_stopped_first_gives_no_times()
    {
        string[] folders = ["", "a", "b"];
        Assert.Throws<TaskCanceledException>(() => FolderTimes.Start(_temp.Path, folders, cancel: new CancellationToken(canceled: true)).Wait());
        Assert.Equal(3, FolderTimes.Start(_temp.Path, folders).Wait().Ticks.Length);
        Assert.Empty(FolderTimes.Start(_temp.Path, []).Wait().Ticks);
    }

    [Fact]
    public void What_a_lookup_throws_reaches_the_waiter()
    {
        var failing = FolderTimes.Start(_temp.Path, ["", "a"], i => i == 1 ? throw new IOException("unreadable") : null);
        Assert.Equal("unreadable", Assert.Throws<IOException>(() => failing.Wait()).Message);
    }
}
