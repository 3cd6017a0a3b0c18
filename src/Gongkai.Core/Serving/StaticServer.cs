using System.Net;
using System.Net.Sockets;

namespace Gongkai.Serving;

/// <summary>Serves a built site from a folder on 127.0.0.1 under a path prefix (such as <c>/disclosures/</c>), as a plain static host would; for tests and benchmarks (<c>gongkai serve</c> adds live reload).</summary>
public sealed class StaticServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly string _prefix;

    /// <summary>Starts serving <paramref name="root"/> at <c>http://127.0.0.1:port{prefix}</c>.</summary>
    public StaticServer(string root, string prefix = "/")
    {
        _root = root;
        _prefix = prefix;
        var port = FreePort();
        Origin = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Origin + "/");
        _listener.Start();
        _ = Task.Run(Serve);
    }

    /// <summary>Scheme, host and port.</summary>
    public string Origin { get; }

    /// <summary>The site's address: origin plus prefix.</summary>
    public string BaseUrl => Origin + _prefix;

    /// <inheritdoc />
    public void Dispose() => _listener.Close();

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Respond(context));
        }
    }

    private void Respond(HttpListenerContext context)
    {
        using var response = context.Response;
        if (SiteFiles.Resolve(_root, _prefix, context.Request.Url!.AbsolutePath) is not { } file)
        {
            response.StatusCode = 404;
            return;
        }

        response.ContentType = SiteFiles.ContentType(file);
        var bytes = File.ReadAllBytes(file);
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on now, for servers started by tests and previews.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
