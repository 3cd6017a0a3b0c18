using System.Net;
using System.Text;
using Gongkai.Serving;

namespace Gongkai.Cli.Serving;

/// <summary>
/// An HTTP server on 127.0.0.1 serving a preview session's output under a path prefix, as a static host would, plus the
/// live-reload event stream; HTML gets the live-reload script on the way out, the files on disk never do.
/// </summary>
/// <remarks>
/// .NET's own <see cref="HttpListener"/>, not Kestrel: ASP.NET Core made the native executable 5 MB larger (22.7 against
/// 17.3 MB), and every command, <c>build</c> included, paid 3–4 ms for it at start-up (its data is rehydrated before <c>Main</c>).
/// </remarks>
internal sealed class PreviewServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly PreviewSession _session;
    private readonly string _root;
    private readonly string _prefix;

    /// <summary>
    /// Listens on 127.0.0.1:<paramref name="port"/> (0: a free port) at once, so that a port in use is known before the
    /// first build; requests wait until <see cref="RunAsync"/>. Throws <see cref="HttpListenerException"/> when the port
    /// cannot be listened on.
    /// </summary>
    public PreviewServer(PreviewSession session, string root, string prefix, int port)
    {
        (_session, _root, _prefix) = (session, root, prefix);
        port = port == 0 ? StaticServer.FreePort() : port;
        Origin = $"http://127.0.0.1:{port}";
        // Both names of this machine's loopback, as a browser may be given either; neither listens beyond it.
        _listener.Prefixes.Add(Origin + "/");
        _listener.Prefixes.Add($"http://localhost:{port}/");
        _listener.Start();
    }

    /// <summary>Scheme, host and port.</summary>
    public string Origin { get; }

    /// <inheritdoc />
    public void Dispose() => _listener.Close();

    /// <summary>Serves until <paramref name="stop"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        using var stopping = stop.Register(_listener.Stop);
        var responding = new List<Task>();
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }

            responding.RemoveAll(t => t.IsCompleted);
            responding.Add(Task.Run(() => RespondAsync(context, stop), CancellationToken.None));
        }

        await Task.WhenAll(responding);
    }

    private async Task RespondAsync(HttpListenerContext context, CancellationToken stop)
    {
        using var response = context.Response;
        response.Headers["Cache-Control"] = "no-store";
        try
        {
            if (context.Request.Url!.AbsolutePath == _prefix + LiveReload.EventsPath)
            {
                await EventsAsync(response, stop);
            }
            else
            {
                await PageAsync(context.Request.Url.AbsolutePath, response);
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The browser went away (a reload closes its event stream) or the server stops.
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
            await WriteAsync(response, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(LiveReload.WaitingPage(_prefix, build)));
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

        await WriteAsync(response, SiteFiles.ContentType(file), bytes);
    }

    private static async Task WriteAsync(HttpListenerResponse response, string contentType, byte[] bytes)
    {
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }
}
