using System.Net;
using System.Net.Sockets;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Serving;

/// <summary><c>gongkai serve</c> on a port another program holds: told at once, before any build.</summary>
public sealed class ServePortTests : IDisposable
{
    private readonly MinimalInput _input = new();
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        _input.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void A_port_in_use_is_an_error_that_names_it_and_nothing_is_built()
    {
        var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        try
        {
            var port = ((IPEndPoint)holder.LocalEndpoint).Port;

            var (exitCode, output) = CliProcess.Run(_temp.Path, "serve", "--input", _input.Root, "--output", _temp["out"], "--theme", Repo.Theme,
                "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-search");

            Assert.Equal(1, exitCode);
            Assert.Contains($"error: cannot serve on 127.0.0.1:{port}", output);
            Assert.Contains("--port", output);
            Assert.False(Directory.Exists(_temp["out"]));
        }
        finally
        {
            holder.Stop();
        }
    }
}
