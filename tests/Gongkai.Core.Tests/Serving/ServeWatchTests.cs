using Gongkai.Tests.Support;

namespace Gongkai.Tests.Serving;

/// <summary><c>gongkai serve</c> watches its input and theme for changes, not the folder it was started in.</summary>
public sealed class ServeWatchTests : IDisposable
{
    private const int Folders = 2000;
    private readonly MinimalInput _input = new();
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        _input.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Serve_started_in_a_folder_of_many_folders_watches_only_its_input_and_theme()
    {
        // As a project folder holds an output and a cache of thousands of folders beside the input.
        for (var i = 0; i < Folders; i++)
        {
            Directory.CreateDirectory(_temp[$"old-output/{i}"]);
        }

        using var serve = CliProcess.Start(_temp.Path, "serve", "--input", _input.Root, "--output", _temp["out"], "--theme", Repo.Theme, "--port", "0", "--no-search");
        try
        {
            _ = serve.StandardError.ReadToEndAsync();
            while (await serve.StandardOutput.ReadLineAsync() is { } line && !line.StartsWith("Serving ", StringComparison.Ordinal))
            {
            }

            // Linux lists each inotify watch of a process in the fdinfo of its inotify descriptors.
            var watches = Directory.GetFiles($"/proc/{serve.Id}/fdinfo").Sum(Watches);

            Assert.InRange(watches, 1, Folders / 2);
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }

    // A descriptor closed since the folder was listed has none.
    private static int Watches(string fdinfo)
    {
        try
        {
            return File.ReadLines(fdinfo).Count(l => l.StartsWith("inotify wd:", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
