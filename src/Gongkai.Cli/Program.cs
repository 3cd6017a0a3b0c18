using System.CommandLine;
using Gongkai.Cli.Commands;
using Spectre.Console;

// Diagnostics are one line each so editors and CI can parse them; never wrap them when output goes to a file or pipe.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 4096;
}

// No collection for the first 128 MiB the process allocates (32 MiB of them large objects): reading and checking the input
// builds the site's model, which lives to the end, and the collections made while it grew copied it from generation to
// generation (half the time of checking a 10,000-report input); a rebuild after one change allocates less than that in all
// (0.20 to 0.16 s on 10,000 reports). A full build leaves the window early and is collected as usual; serve ends it itself.
// Not where memory is scarce (a small container's limit): 128 MiB of garbage left uncollected could be most of it.
const long QuietStart = 128L << 20;
if (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes >= 8 * QuietStart)
{
    GC.TryStartNoGCRegion(QuietStart, QuietStart / 4);
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
