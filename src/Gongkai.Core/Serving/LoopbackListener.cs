using System.Net;
using System.Net.Sockets;

namespace Gongkai.Serving;

/// <summary>
/// An HTTP listener on this machine's loopback only (as 127.0.0.1 and as localhost, the two names a browser may be given)
/// and its loop of requests: what <see cref="StaticServer"/> and <c>gongkai serve</c> share.
/// </summary>
public sealed class LoopbackListener : IDisposable
{
    private readonly HttpListener _listener = new();

    /// <summary>
    /// Listens on <paramref name="port"/> (0: a free one) at once; requests wait for <see cref="ServeAsync"/>. Throws
    /// <see cref="HttpListenerException"/> when the port cannot be listened on.
    /// </summary>
    public LoopbackListener(int port = 0)
    {
        port = port == 0 ? FreePort() : port;
        Origin = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Origin + "/");
        _listener.Prefixes.Add($"http://localhost:{port}/");
        _listener.Start();
    }

    /// <summary>Scheme, host and port.</summary>
    public string Origin { get; }

    /// <inheritdoc />
    public void Dispose() => _listener.Close();

    /// <summary>
    /// Answers each request with <paramref name="respond"/> on the thread pool (the response is closed after it; a client
    /// gone meanwhile is no error) until the listener is disposed or <paramref name="stop"/> is cancelled; then waits for
    /// the answers under way.
    /// </summary>
    public async Task ServeAsync(Func<HttpListenerContext, Task> respond, CancellationToken stop = default)
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
            responding.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = context.Response;
                    await respond(context);
                }
                catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
                {
                    // The client went away (a reload closes its event stream), or the server stops.
                }
            }, CancellationToken.None));
        }

        await Task.WhenAll(responding);
    }

    /// <summary>Sends <paramref name="bytes"/> as the whole body of <paramref name="response"/>.</summary>
    public static async Task SendAsync(HttpListenerResponse response, string contentType, byte[] bytes)
    {
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
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
