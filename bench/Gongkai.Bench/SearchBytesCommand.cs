using System.IO.Compression;
using Gongkai.Serving;
using Microsoft.Playwright;

namespace Gongkai.Bench;

/// <summary>
/// Serves a built site, opens its search page in Debian's Chromium, runs one query from a cold cache and reports
/// what was transferred: all requests, and the search bundle alone. Bodies are counted as served (Pagefind's index
/// files are already gzip) and as a gzip-serving host would send the rest.
/// </summary>
internal static class SearchBytesCommand
{
    public static async Task<int> RunAsync(Args args)
    {
        var prefix = args.String("prefix", "/");
        using var server = new StaticServer(args.String("site"), prefix);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await (await browser.NewContextAsync()).NewPageAsync();
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);

        await page.GotoAsync(server.BaseUrl + "search/?q=" + Uri.EscapeDataString(args.String("query")));
        await page.WaitForFunctionAsync("/找到|没有找到/.test(document.getElementById('search-status').textContent)");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        long raw = 0, gzip = 0, searchRaw = 0, searchGzip = 0;
        foreach (var response in responses)
        {
            var body = await response.BodyAsync();
            var sent = AsSent(body);
            raw += body.Length;
            gzip += sent;
            if (response.Url.Contains("/pagefind/", StringComparison.Ordinal))
            {
                searchRaw += body.Length;
                searchGzip += sent;
            }
        }

        Console.WriteLine($"query: {args.String("query")}; results: {await page.InnerTextAsync("#search-status")}");
        Console.WriteLine($"requests: {responses.Count}; all: {raw / 1024.0:0.0} KiB as stored, {gzip / 1024.0:0.0} KiB gzip-served");
        Console.WriteLine($"search bundle (pagefind/): {responses.Count(r => r.Url.Contains("/pagefind/", StringComparison.Ordinal))} requests, {searchRaw / 1024.0:0.0} KiB as stored, {searchGzip / 1024.0:0.0} KiB gzip-served");
        return 0;
    }

    // Already-compressed bodies (gzip magic) go as they are; others as gzip would send them.
    private static long AsSent(byte[] body)
    {
        if (body.Length > 2 && body[0] == 0x1f && body[1] == 0x8b)
        {
            return body.Length;
        }

        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return Math.Min(buffer.Length, body.Length);
    }
}
