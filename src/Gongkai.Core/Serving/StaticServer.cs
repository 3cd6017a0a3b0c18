using System.Net;

namespace Gongkai.Serving;

/// <summary>Serves a built site from a folder on 127.0.0.1 under a path prefix (such as <c>/disclosures/</c>), as a plain static host would; for tests and benchmarks (<c>gongkai serve</c> adds live reload).</summary>
public sealed class StaticServer : IDisposable
{
    private readonly LoopbackListener _listener = new();
    private readonly string _root;
    private readonly string _prefix;

    /// <summary>Starts serving <paramref name="root"/> at <c>http://127.0.0.1:port{prefix}</c>.</summary>
    public StaticServer(string root, string prefix = "/")
    {
        _root = root;
        _prefix = prefix;
        _ = _listener.ServeAsync(Respond);
    }

    /// <summary>Scheme, host and port.</summary>
    public string Origin => _listener.Origin;

    /// <summary>The site's address: origin plus prefix.</summary>
    public string BaseUrl => Origin + _prefix;

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private async Task Respond(HttpListenerContext context)
    {
        if (SiteFiles.Resolve(_root, _prefix, context.Request.Url!.AbsolutePath) is not { } file)
        {
            context.Response.StatusCode = 404;
            return;
        }

        await LoopbackListener.SendAsync(context.Response, SiteFiles.ContentType(file), await File.ReadAllBytesAsync(file));
    }
}
