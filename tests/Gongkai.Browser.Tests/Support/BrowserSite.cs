using Gongkai.Building;
using Gongkai.Serving;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests.Support;

/// <summary>
/// The sample site built once, served on 127.0.0.1 (at the root, under a sub-path, and with its search index split into
/// shards), and Debian's Chromium driven by
/// Playwright. Playwright never downloads a browser here: it launches /usr/bin/chromium.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    /// <summary>The browser the tests drive.</summary>
    public const string Chromium = "/usr/bin/chromium";

    private readonly string _temp = Path.Combine(Path.GetTempPath(), "gongkai-browser", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;
    private StaticServer? _root;
    private StaticServer? _subPath;
    private StaticServer? _sharded;

    /// <summary>The running browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The site built with base URL "/" and served at the root.</summary>
    public string BaseUrl => _root!.BaseUrl;

    /// <summary>The site built with base URL "/disclosures/" and served under that sub-path.</summary>
    public string SubPathUrl => _subPath!.BaseUrl;

    /// <summary>The site built with a search shard per 10 searchable pages, served at the root.</summary>
    public string ShardedUrl => _sharded!.BaseUrl;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (tests/run does: apt-get install -y chromium)");
        }

        _root = new StaticServer(await Build("root", null));
        _subPath = new StaticServer(await Build("sub", "/disclosures/"), "/disclosures/");
        _sharded = new StaticServer(await Build("sharded", null, searchShardPages: 10));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new page of the given size; JavaScript on and light colours unless said otherwise.</summary>
    public async Task<IPage> NewPage(int width, int height, bool javaScript = true, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            Locale = "zh-CN",
            ColorScheme = colorScheme,
        });
        return await context.NewPageAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        _root?.Dispose();
        _subPath?.Dispose();
        _sharded?.Dispose();
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    private async Task<string> Build(string name, string? baseUrl, int searchShardPages = Gongkai.Search.SearchShards.DefaultPagesPerShard)
    {
        var output = Path.Combine(_temp, name);
        var result = await SiteBuilder.BuildAsync(new BuildOptions(Path.Combine(Paths.Root, "input"), output, Path.Combine(Paths.Root, "theme"), baseUrl,
            SearchShardPages: searchShardPages));
        return result.Succeeded ? output : throw new InvalidOperationException($"build failed: {result.Error} {string.Join("; ", result.Diagnostics)}");
    }
}

/// <summary>Browser tests share one build, server and browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "browser";
}
