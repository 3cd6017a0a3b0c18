using System.CommandLine;
using System.Net;
using Gongkai.Building;
using Gongkai.Cli.Serving;
using Gongkai.Serving;
using Spectre.Console;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai serve</c>: builds, serves the output on 127.0.0.1, and rebuilds and reloads on every change.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var input = FolderOptions.Input("Input folder");
        var output = FolderOptions.Output("Output folder (built as by 'build')");
        var theme = FolderOptions.Theme("Theme folder");
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0: any free port)", DefaultValueFactory = _ => 8080 };
        var baseUrl = new Option<string>("--base-url") { Description = "Path the preview is served under", DefaultValueFactory = _ => "/" };
        var noSearch = new Option<bool>("--no-search") { Description = "Skip the search index for faster rebuilds" };
        var timings = new Option<bool>("--timings") { Description = "Print how long each phase and pipeline of every build took" };
        var command = new Command("serve", "Build, serve on 127.0.0.1, and rebuild and reload the browser when input or theme files change.")
        {
            input, output, theme, port, baseUrl, noSearch, timings,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var prefix = "/" + parse.GetValue(baseUrl)!.Trim('/') + "/";
            prefix = prefix == "//" ? "/" : prefix;
            var options = new BuildOptions(parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(theme)!, prefix, Search: !parse.GetValue(noSearch));
            return RunAsync(options, prefix, parse.GetValue(port), parse.GetValue(timings), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(BuildOptions options, string prefix, int port, bool timings, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        foreach (var folder in new[] { options.Input, options.Theme })
        {
            if (!Directory.Exists(folder))
            {
                console.Line(ConsoleLines.Red, "error:", $" folder {Path.GetFullPath(folder)} does not exist");
                return 2;
            }
        }

        // Counted from the end of one build to the end of the next: the server's own allocations in between are small.
        var before = TimingsPrinter.Count();
        using var session = new PreviewSession(options, result =>
        {
            Report(console, result, options.Output);
            if (timings)
            {
                TimingsPrinter.Print(console, result, before);
            }

            before = TimingsPrinter.Count();
        }, problem => console.Line(ConsoleLines.Red, "error:", $" {problem}"),
            () => console.Line($"Waiting for another build into {options.Output} to finish…"));
        PreviewServer server;
        try
        {
            server = new PreviewServer(session, options.Output, prefix, port);
        }
        catch (HttpListenerException e)
        {
            console.Line(ConsoleLines.Red, "error:", $" cannot serve on 127.0.0.1:{port}: {e.Message}; choose another port with --port (0: any free port)");
            return 1;
        }

        using (server)
        {
            await session.StartAsync();
            console.Line($"Serving {server.Origin + prefix} (Ctrl+C to stop); watching {options.Input} and {options.Theme}");
            await server.RunAsync(cancellationToken);
        }

        return 0;
    }

    private static void Report(IAnsiConsole console, BuildResult result, string output)
    {
        DiagnosticPrinter.Print(console, result.Diagnostics);
        if (result.Succeeded)
        {
            // To the millisecond: a rebuild after one change takes tens of them.
            console.Line(ConsoleLines.Green, "Built", $" {result.Pages} pages in {result.Elapsed.TotalSeconds:0.000} s.");
            return;
        }

        if (result.Error is not null)
        {
            console.Line(ConsoleLines.Red, "error:", $" {result.Error}");
        }

        console.Line(ConsoleLines.Red, "Build failed;", $" still serving the last good site from {Path.GetFullPath(output)}. The page shows the errors.");
    }
}
