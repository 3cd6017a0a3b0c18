using System.Diagnostics;

namespace Gongkai.Tests.Support;

/// <summary>Runs the built gongkai command line as a separate process, the way users run it.</summary>
public static class CliProcess
{
    /// <summary>Runs gongkai with arguments; returns exit code and combined output.</summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] args) =>
        Run(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs gongkai with extra environment variables (TZ, LANG …).</summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, environment, args))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    /// <summary>Starts a long-running gongkai command (such as <c>serve</c>); the caller reads its output and kills it.</summary>
    public static Process Start(string workingDirectory, params string[] args) =>
        Process.Start(StartInfo(workingDirectory, new Dictionary<string, string>(), args))!;

    private static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "gongkai.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }
}
