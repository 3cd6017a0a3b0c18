using System.CommandLine;
using Gongkai.Cli.Commands;
using Spectre.Console;

// Diagnostics are one line each so editors and CI can parse them; never wrap them when output goes to a file or pipe.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 4096;
}

var root = new RootCommand("gongkai (公开): builds a static website of budget-performance evaluation disclosures.")
{
    BuildCommand.Create(),
    CheckCommand.Create(),
    SnapshotCommand.Create(),
    SnapshotCommand.CreateVerify(),
    ServeCommand.Create(),
    NewCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
