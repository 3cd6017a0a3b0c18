using System.Text;
using Gongkai.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gongkai.Cli.Serving;

/// <summary>
/// Kestrel on 127.0.0.1 serving a preview session's output under a path prefix, as a static host would, plus the
/// live-reload event stream; HTML gets the live-reload script on the way out, the files on disk never do.
/// </summary>
internal sealed class PreviewServer(PreviewSession session, string root, string prefix)
{
    /// <summary>Serves until <paramref name="stop"/> is cancelled; <paramref name="started"/> hears the address.</summary>
    public async Task RunAsync(int port, Action<string> started, CancellationToken stop)
    {
        // Not a web app's defaults: they read appsettings.json from the folder serve was started in and watch that folder
        // and everything under it for changes to it (input, output, cache, and each full build's new tree: 190,000
        // inotify watches beside a 10,000-report site, added again as each build made its folders, a second of CPU).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        await using var app = builder.Build();
        app.Map(prefix + LiveReload.EventsPath, Events);
        app.Map("/{**path}", Page);
        await app.StartAsync(stop);
        started(app.Urls.First() + prefix);
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None);
    }

    private async Task Events(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        var seen = -1;
        try
        {
            while (!context.RequestAborted.IsCancellationRequested)
            {
                var state = await session.NextAsync(seen, context.RequestAborted);
                seen = state.Build;
                await context.Response.WriteAsync($"data: {state.ToJson()}\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task Page(HttpContext context)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        var build = session.State.Build;
        if (!session.HasSite)
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(LiveReload.WaitingPage(prefix, build));
            return;
        }

        var file = SiteFiles.Resolve(root, prefix, context.Request.Path.Value ?? "/");
        if (file is null)
        {
            response.StatusCode = 404;
            file = Path.Combine(root, "404.html");
            if (!File.Exists(file))
            {
                return;
            }
        }

        response.ContentType = SiteFiles.ContentType(file);
        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            await response.WriteAsync(LiveReload.Inject(await File.ReadAllTextAsync(file, Encoding.UTF8), prefix, build));
            return;
        }

        await response.SendFileAsync(file);
    }
}
