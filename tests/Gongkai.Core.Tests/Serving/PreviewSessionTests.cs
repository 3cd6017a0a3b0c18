using System.Collections.Concurrent;
using Gongkai.Building;
using Gongkai.Serving;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Serving;

/// <summary>A preview session run in the test process: what it reports after a build has returned.</summary>
public sealed class PreviewSessionTests : IDisposable
{
    private readonly MinimalInput _input = new();
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        _input.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_session_says_when_its_build_waits_for_another_into_the_same_output()
    {
        var waiting = new TaskCompletionSource();
        using var session = new PreviewSession(new BuildOptions(_input.Root, _temp["out"], Repo.Theme, Search: false), _ => { }, _ => { }, waiting.SetResult);
        Task start;
        using (await OutputLock.AcquireAsync(_temp["out"], null, CancellationToken.None))
        {
            start = session.StartAsync();
            await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.False(start.IsCompleted);
        }

        await start;
        Assert.True(session.State.Ok, string.Join("\n", session.State.Errors));
    }

    [Fact]
    public async Task A_search_index_failing_after_a_rebuild_was_shown_is_reported_over_the_page_and_in_the_terminal()
    {
        var theme = FailingSearch.Theme(_temp, out var failNow);
        var late = new ConcurrentQueue<string>();
        using var session = new PreviewSession(new BuildOptions(_input.Root, _temp["out"], theme, Search: true), _ => { }, late.Enqueue);
        await session.StartAsync();
        Assert.True(session.State.Ok, string.Join("\n", session.State.Errors));
        File.WriteAllText(failNow, "");

        _input.Replace("regions/demo/2023/reports/park.md", "得分 91.2 分。", "得分 91.2 分，页面仍会更新。");
        var state = session.State;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (state.Ok)
        {
            state = await session.NextAsync(state.Build, timeout.Token);
        }

        var error = Assert.Single(state.Errors);
        Assert.Contains("search indexing failed", error);
        Assert.Equal(error, Assert.Single(late));
        // Over the page, not as a failed build: the pages are right.
        Assert.Contains("搜索索引未能更新", state.Title);
        Assert.Equal(state.Title, System.Text.Json.Nodes.JsonNode.Parse(state.ToJson())!["title"]!.GetValue<string>());
        Assert.Contains(Directory.GetFiles(_temp["out"], "index.html", SearchOption.AllDirectories), page => File.ReadAllText(page).Contains("页面仍会更新"));
    }
}
