using System.Net;
using System.Net.Sockets;

namespace Gongkai.Serving;

/// <summary>Serves a built site from a folder on 127.0.0.1 under a path prefix (such as <c>/disclosures/</c>), as a plain static host would; for previews, tests and benchmarks.</summary>
public sealed class StaticServer : IDisposable
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8", [".css"] = "text/css; charset=utf-8", [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8", [".svg"] = "image/svg+xml", [".png"] = "image/png", [".csv"] = "text/csv; charset=utf-8",
        [".xml"] = "application/xml; charset=utf-8", [".pdf"] = "application/pdf", [".wasm"] = "application/wasm",
    };

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
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        var file = path.StartsWith(_prefix, StringComparison.Ordinal) ? Path.Combine(_root, path[_prefix.Length..]) : null;
        if (file is not null && Directory.Exists(file))
        {
            file = Path.Combine(file, "index.html");
        }

        if (file is null || !File.Exists(file) || !Path.GetFullPath(file).StartsWith(Path.GetFullPath(_root), StringComparison.Ordinal))
        {
            response.StatusCode = 404;
            return;
        }

        response.ContentType = Types.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
        var bytes = File.ReadAllBytes(file);
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
