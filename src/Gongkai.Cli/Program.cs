using System.CommandLine;
using Gongkai.Cli.Commands;

var root = new RootCommand("gongkai (公开): builds a static website of budget-performance evaluation disclosures.")
{
    BuildCommand.Create(),
    CheckCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
