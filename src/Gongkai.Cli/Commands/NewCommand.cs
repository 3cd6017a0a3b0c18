using System.CommandLine;
using Gongkai.Scaffolding;
using Spectre.Console;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai new region|disclosure</c>: writes valid, commented starter input files; never overwrites.</summary>
internal static class NewCommand
{
    public static Command Create()
    {
        var input = FolderOptions.Input("Input folder");
        input.Recursive = true;

        var slug = new Argument<string>("slug") { Description = "The region's URL-safe code, e.g. karamay" };
        var name = new Option<string>("--name") { Description = "The region's name, e.g. 克拉玛依市", Required = true };
        var level = new Option<string>("--level") { Description = "Administrative level: 自治区, 地州, 市, 县, 开发区 …", DefaultValueFactory = _ => "市" };
        var parent = new Option<string?>("--parent") { Description = "The code of the region it belongs to" };
        var region = new Command("region", "Create regions/<slug>/region.json.") { slug, name, level, parent };
        region.SetAction(parse =>
        {
            var (files, error) = Scaffold.Region(parse.GetValue(slug)!, parse.GetValue(name)!, parse.GetValue(level)!, parse.GetValue(parent));
            return error is null ? Write(parse.GetValue(input)!, files) : Fail(error);
        });

        var regionSlug = new Argument<string>("region") { Description = "An existing region's code" };
        var year = new Argument<int>("year") { Description = "The fiscal year evaluated" };
        var disclosure = new Command("disclosure", "Create regions/<region>/<year>/disclosure.md and reports.json.") { regionSlug, year };
        disclosure.SetAction(parse =>
        {
            var root = parse.GetValue(input)!;
            var code = parse.GetValue(regionSlug)!;
            var fiscalYear = parse.GetValue(year);
            if (!File.Exists(Path.Combine(root, "regions", code, "region.json")))
            {
                return Fail($"region \"{code}\" does not exist in {Path.GetFullPath(root)}; create it first with: gongkai new region {code} --name …");
            }

            return fiscalYear is < 1949 or > 2999 ? Fail($"year {fiscalYear} must be between 1949 and 2999") : Write(root, Scaffold.Disclosure(code, fiscalYear));
        });

        return new Command("new", "Create starter input files.") { input, region, disclosure };
    }

    private static int Write(string root, IReadOnlyList<ScaffoldFile> files)
    {
        if (!Directory.Exists(root))
        {
            return Fail($"input folder {Path.GetFullPath(root)} does not exist");
        }

        if (files.FirstOrDefault(f => File.Exists(Path.Combine(root, f.Path))) is { } existing)
        {
            return Fail($"{existing.Path} already exists; nothing was written");
        }

        foreach (var file in files)
        {
            var path = Path.Combine(root, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
            AnsiConsole.Console.Line(ConsoleLines.Green, "created", $" {file.Path}");
        }

        AnsiConsole.Console.Line("Fill in the commented fields, then run: gongkai check");
        return 0;
    }

    private static int Fail(string message)
    {
        AnsiConsole.Console.Line(ConsoleLines.Red, "error:", $" {message}");
        return 1;
    }
}
