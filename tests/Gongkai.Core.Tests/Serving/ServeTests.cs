using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Serving;

/// <summary><c>gongkai serve</c> run as users run it: a page edit is served rebuilt, a bad edit reported, built files left clean.</summary>
public sealed partial class ServeTests : IAsyncLifetime
{
    private readonly MinimalInput _input = new();
    private readonly TempFolder _temp = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private Process? _serve;
    private string _url = "";

    private string Output => _temp["out"];

    public async Task InitializeAsync()
    {
        _serve = CliProcess.Start(Repo.Root, "serve", "--input", _input.Root, "--output", Output, "--theme", Repo.Theme, "--port", "0", "--no-search");
        _ = _serve.StandardError.ReadToEndAsync();
        var started = Task.Run(async () =>
        {
            while (await _serve.StandardOutput.ReadLineAsync() is { } line)
            {
                if (ServingLine().Match(line) is { Success: true } match)
                {
                    return match.Groups[1].Value;
                }
            }

            throw new InvalidOperationException("serve exited before serving");
        });
        _url = await started.WaitAsync(TimeSpan.FromSeconds(60));
        _ = Task.Run(async () => await _serve.StandardOutput.ReadToEndAsync());
    }

    public Task DisposeAsync()
    {
        _serve?.Kill(entireProcessTree: true);
        _serve?.WaitForExit();
        _serve?.Dispose();
        _http.Dispose();
        _input.Dispose();
        _temp.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_edited_disclosure_is_served_rebuilt_within_two_seconds()
    {
        var page = await _http.GetStringAsync(_url + "regions/demo/2023/");
        Assert.Contains("预算绩效管理工作情况", page);
        Assert.Contains("_gongkai/live", page);

        var clock = Stopwatch.StartNew();
        _input.Replace(MinimalInput.DisclosureFile, "title: 预算绩效管理工作情况", "title: 修订后的工作情况");
        while (!(await _http.GetStringAsync(_url + "regions/demo/2023/")).Contains("修订后的工作情况") && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"rebuilt page served after {clock.Elapsed.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task A_style_sheet_of_the_input_s_own_theme_folder_is_served_in_place_of_the_theme_s_as_it_is_edited()
    {
        var sheet = StyleSheet().Match(await _http.GetStringAsync(_url)).Value;
        foreach (var colour in new[] { "#123456", "#654321" })
        {
            _input.Write("theme/assets/site.css", $"body {{ color: {colour}; }}\n");
            var clock = Stopwatch.StartNew();
            var now = sheet;
            while (now == sheet && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
                now = StyleSheet().Match(await _http.GetStringAsync(_url)).Value;
            }

            Assert.NotEqual(sheet, now);
            Assert.Contains(colour, await _http.GetStringAsync(_url + now.TrimStart('/')));
            sheet = now;
        }
    }

    [Fact]
    public async Task A_bad_edit_is_reported_with_its_location_while_the_last_good_site_is_served()
    {
        using var events = new StreamReader(await _http.GetStreamAsync(_url + "_gongkai/live"));
        Assert.True((await NextState(events)).GetProperty("ok").GetBoolean());

        _input.Write(MinimalInput.CatalogueFile, "[{");
        var state = await NextState(events);
        Assert.False(state.GetProperty("ok").GetBoolean());
        Assert.StartsWith("regions/demo/2023/reports.json:1:3: error GK0005", state.GetProperty("errors")[0].GetString());
        Assert.Contains("公园项目绩效评价报告", await _http.GetStringAsync(_url + "regions/demo/2023/"));
    }

    [Fact]
    public async Task The_live_reload_script_is_added_as_pages_are_served_and_never_written_to_files()
    {
        Assert.Contains("_gongkai/live", await _http.GetStringAsync(_url));
        var files = Directory.GetFiles(Output, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.DoesNotContain("_gongkai", File.ReadAllText(f)));

        using var missing = await _http.GetAsync(_url + "no/such/page/");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("找不到该页面", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_preview_answers_under_both_names_of_the_loopback_and_nowhere_else()
    {
        var page = await _http.GetStringAsync(_url);
        Assert.Equal(page, await _http.GetStringAsync(_url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)));
        var port = new Uri(_url).Port;
        using var outside = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        var address = System.Net.Dns.GetHostAddresses(System.Net.Dns.GetHostName())
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !System.Net.IPAddress.IsLoopback(a));
        if (address is not null)
        {
            await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => outside.ConnectAsync(address, port));
        }
    }

    private static async Task<JsonElement> NextState(StreamReader events)
    {
        while (await events.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20)) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement;
            }
        }

        throw new InvalidOperationException("event stream ended");
    }

    [GeneratedRegex(@"/assets/site\.[0-9a-f]+\.css")]
    private static partial Regex StyleSheet();

    [GeneratedRegex(@"^Serving (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ServingLine();
}
