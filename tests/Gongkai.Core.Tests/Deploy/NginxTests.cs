using System.Diagnostics;
using System.Net;
using Gongkai.Building;
using Gongkai.Serving;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Deploy;

/// <summary>
/// The nginx recipe of docs/deploy.md, exactly as committed (docs/deploy/nginx.conf), run by Debian's nginx on 127.0.0.1
/// in front of the sample site built for the sub-path /disclosures/: every file is served, with the right types and caching.
/// </summary>
public sealed class NginxTests : IAsyncLifetime
{
    private const string Nginx = "/usr/sbin/nginx";

    private readonly TempFolder _temp = new();
    private readonly HttpClient _http = new(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None });
    private Process? _nginx;
    private string _origin = "";

    private string Site => _temp["www/disclosures"];

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Nginx), $"{Nginx} is missing: install Debian's nginx-light (tests/run does: apt-get install -y nginx-light)");
        var result = await SiteBuilder.BuildAsync(new BuildOptions(Repo.Input, Site, Repo.Theme, "/disclosures/"));
        Assert.True(result.Succeeded, result.Error);

        var port = LoopbackListener.FreePort();
        _origin = $"http://127.0.0.1:{port}";
        var recipe = File.ReadAllText(Path.Combine(Repo.Root, "docs/deploy/nginx.conf"))
            .Replace("listen 127.0.0.1:8080;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal)
            .Replace("root /srv/www;", $"root {_temp["www"]};", StringComparison.Ordinal);
        Assert.Contains(_temp["www"], recipe);
        _temp.Write("site.conf", recipe);
        var temp = _temp["nginx-temp"];
        _temp.Write("nginx.conf", $$"""
            user root;
            daemon off;
            worker_processes 1;
            pid {{_temp["nginx.pid"]}};
            error_log {{_temp["error.log"]}} warn;
            events { worker_connections 64; }
            http {
                include /etc/nginx/mime.types;
                default_type application/octet-stream;
                access_log off;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                include {{_temp["site.conf"]}};
            }
            """);
        Directory.CreateDirectory(temp);
        var start = new ProcessStartInfo(Nginx) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-c", _temp["nginx.conf"], "-p", _temp.Path, "-e", _temp["error.log"] })
        {
            start.ArgumentList.Add(arg);
        }

        _nginx = Process.Start(start)!;
        for (var i = 0; i < 100 && !await Answers(); i++)
        {
            Assert.False(_nginx.HasExited, $"nginx exited: {await _nginx.StandardError.ReadToEndAsync()} {ReadLog()}");
            await Task.Delay(50);
        }
    }

    public Task DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill(entireProcessTree: true);
            _nginx.WaitForExit();
        }

        _nginx?.Dispose();
        _http.Dispose();
        _temp.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Every_file_of_the_site_is_served_under_the_sub_path_with_a_type()
    {
        var files = Directory.GetFiles(Site, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Site, f).Replace('\\', '/')).ToList();
        Assert.True(files.Count > 100, $"{files.Count} files");
        foreach (var file in files)
        {
            using var response = await _http.GetAsync($"{_origin}/disclosures/{file}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {file}");
            Assert.Equal(new FileInfo(Path.Combine(Site, file)).Length, (await response.Content.ReadAsByteArrayAsync()).Length);
        }
    }

    [Theory]
    [InlineData("", "text/html; charset=utf-8", "no-cache")]
    [InlineData("regions/karamay/2023/", "text/html; charset=utf-8", "no-cache")]
    [InlineData("regions/karamay/2023/index.json", "application/json; charset=utf-8", "no-cache")]
    [InlineData("regions/karamay/2023/reports.csv", "text/csv; charset=utf-8", "no-cache")]
    [InlineData("manifest.webmanifest", "application/manifest+json", "no-cache")]
    [InlineData("feed.xml", "text/xml; charset=utf-8", "no-cache")]
    [InlineData("pagefind/pagefind-entry.json", "application/json; charset=utf-8", "no-cache")]
    public async Task Pages_and_data_are_revalidated_with_their_types(string path, string type, string cacheControl)
    {
        using var response = await _http.GetAsync($"{_origin}/disclosures/{path}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.ToString());
        Assert.Equal(cacheControl, response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Fingerprinted_assets_and_pagefind_chunks_are_cached_for_a_year_and_the_index_is_binary()
    {
        var css = Path.GetFileName(Directory.GetFiles(Path.Combine(Site, "assets"), "site.*.css").Single());
        using var asset = await _http.GetAsync($"{_origin}/disclosures/assets/{css}");
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl!.ToString());
        Assert.Equal("text/css; charset=utf-8", asset.Content.Headers.ContentType!.ToString());

        var meta = Path.GetFileName(Directory.GetFiles(Path.Combine(Site, "pagefind"), "*.pf_meta").Single());
        using var index = await _http.GetAsync($"{_origin}/disclosures/pagefind/{meta}");
        Assert.Equal("application/octet-stream", index.Content.Headers.ContentType!.ToString());

        var fragment = Path.GetFileName(Directory.GetFiles(Path.Combine(Site, "pagefind/fragment")).First());
        using var chunk = await _http.GetAsync($"{_origin}/disclosures/pagefind/fragment/{fragment}");
        Assert.Equal("public, max-age=31536000, immutable", chunk.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task A_missing_page_gets_the_sites_404_page_with_status_404()
    {
        using var response = await _http.GetAsync($"{_origin}/disclosures/regions/nowhere/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("找不到该页面", await response.Content.ReadAsStringAsync());
    }

    private async Task<bool> Answers()
    {
        try
        {
            using var response = await _http.GetAsync(_origin + "/disclosures/");
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private string ReadLog() => File.Exists(_temp["error.log"]) ? File.ReadAllText(_temp["error.log"]) : "";
}
