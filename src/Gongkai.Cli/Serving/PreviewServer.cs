using System.Net;
using System.Text;
using Gongkai.Serving;

namespace Gongkai.Cli.Serving;

/// <summary>
/// An HTTP server on this machine's loopback serving a preview session's output under a path prefix, as a static host
/// would, plus the live-reload event stream; HTML gets the live-reload script on the way out, the files on disk never do.
/// </summary>
/// <remarks>
/// .NET's own <see cref="HttpListener"/> (<see cref="LoopbackListener"/>), not Kestrel: ASP.NET Core made the native
/// executable 5 MB larger (22.7 against 17.3 MB), and every command, <c>build</c> included, paid 3–4 ms for it at start-up
/// (its data is rehydrated before <c>Main</c>).
/// </remarks>
internal sealed class PreviewServer : IDisposable
{
    private readonly LoopbackListener _listener;
    private readonly PreviewSession _session;
    private readonly string _root;
    private readonly string _prefix;

    /// <summary>
    /// Listens on <paramref name="port"/> (0: a free port) at once, so that a port in use is known before the first
    /// build; requests wait until <see cref="RunAsync"/>. Throws <see cref="HttpListenerException"/> when the port cannot
    /// be listened on.
    /// </summary>
    public PreviewServer(PreviewSession session, string root, string prefix, int port)
    {
        (_session, _root, _prefix) = (session, root, prefix);
        _listener = new LoopbackListener(port);
    }

    /// <summary>Scheme, host and port.</summary>
    public string Origin => _listener.Origin;

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    /// <summary>Serves until <paramref name="stop"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken stop) => _listener.ServeAsync(context => RespondAsync(context, stop), stop);

    private async Task RespondAsync(HttpListenerContext context, CancellationToken stop)
    {
        context.Response.Headers["Cache-Control"] = "no-store";
        if (context.Request.Url!.AbsolutePath == _prefix + LiveReload.EventsPath)
        {
            await EventsAsync(context.Response, stop);
        }
        else
        {
            await PageAsync(context.Request.Url.AbsolutePath, context.Response);
        }
    }

    private async Task EventsAsync(HttpListenerResponse response, CancellationToken stop)
    {
        response.ContentType = "text/event-stream";
        response.SendChunked = true;
        var seen = -1;
        while (!stop.IsCancellationRequested)
        {
            var state = await _session.NextAsync(seen, stop);
            seen = state.Build;
            await response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes($"data: {state.ToJson()}\n\n"), stop);
            await response.OutputStream.FlushAsync(stop);
        }
    }

    private async Task PageAsync(string path, HttpListenerResponse response)
    {
        var build = _session.State.Build;
        if (!_session.HasSite)
        {
            await LoopbackListener.SendAsync(response, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(LiveReload.WaitingPage(_prefix, build)));
            return;
        }

        var file = SiteFiles.Resolve(_root, _prefix, path);
        if (file is null)
        {
            response.StatusCode = 404;
            file = Path.Combine(_root, "404.html");
            if (!File.Exists(file))
            {
                return;
            }
        }

        var bytes = await File.ReadAllBytesAsync(file);
        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            bytes = Encoding.UTF8.GetBytes(LiveReload.Inject(Encoding.UTF8.GetString(bytes), _prefix, build));
        }

        await LoopbackListener.SendAsync(response, SiteFiles.ContentType(file), bytes);
    }
}
