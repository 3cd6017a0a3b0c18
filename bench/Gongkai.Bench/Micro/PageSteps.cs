using System.Buffers;
using BenchmarkDotNet.Attributes;
using Gongkai.Input;
using Gongkai.Markdown;
using Gongkai.Modules;
using Gongkai.Pages;
using Gongkai.Pipelines;
using Gongkai.Publication;
using Gongkai.Rendering;
using Gongkai.Validation;

namespace Gongkai.Bench.Micro;

/// <summary>
/// The hot steps of making a report page, each over every report page of a generated corpus (10 regions × 2 years ×
/// 25 reports), reported per page: reading and hashing the input, markdown, the layout (templating), and writing. The
/// corpus and the pages written are kept in memory (<c>/dev/shm</c>) where the system has it: on this machine's disk,
/// creating files just after thousands were deleted (each iteration's) took 10 to 20 times as long from run to run.
/// </summary>
[MemoryDiagnoser]
public class PageSteps
{
    private const int Regions = 10, Years = 2, Reports = 25;

    private readonly Context _context = new();
    private string _work = "";
    private string _input = "";
    private RenderMarkdown _markdown = null!;
    private ApplyLayout _layout = null!;
    private Document[] _bodies = [];
    private Document[] _fragments = [];
    private Document[] _pages = [];
    private int _iteration;

    /// <summary>Report pages in the corpus: what each benchmark handles per call (its figures are per page).</summary>
    public const int Pages = Regions * Years * (Reports - (Reports / 10));

    /// <summary>Generates the corpus, checks and publishes it, loads the theme and makes every report page's document.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _work = (Directory.Exists("/dev/shm") ? Directory.CreateDirectory(Path.Combine("/dev/shm", $"gongkai-micro-{Environment.ProcessId}"))
            : Directory.CreateTempSubdirectory("gongkai-micro-")).FullName;
        _input = Path.Combine(_work, "input");
        using (var quiet = new StringWriter())
        {
            var console = Console.Out;
            Console.SetOut(quiet);
            CorpusCommand.Run(Args.Parse(["--regions", $"{Regions}", "--years", $"{Years}", "--reports", $"{Reports}", "--out", _input]));
            Console.SetOut(console);
        }

        var validation = SiteValidator.Validate(_input);
        var site = Publisher.Publish(validation.Site ?? throw new InvalidOperationException("the generated corpus does not validate"));
        var theme = Theme.Load(RepositoryFile("theme"), site.Info.Locale);
        var data = site.WithoutReportBodies();
        var pages = new PageModel(data, new Permalinks(data.Info.BaseUrl), theme.Strings);
        _markdown = new RenderMarkdown(new SiteMarkdown(theme.Strings["redaction.note"]), data.Info.BaseUrl);
        _layout = new ApplyLayout(theme);
        var make = new MakeDocuments();
        _bodies = [.. ReportPages.Create(site, pages, _ => true).Select(d => make.Execute(d, _context))];
        if (_bodies.Length != Pages)
        {
            throw new InvalidOperationException($"expected {Pages} report pages, made {_bodies.Length}");
        }

        _fragments = [.. _bodies.Select(d => _markdown.Execute(d, _context))];
        _pages = [.. _fragments.Select(d => _layout.Execute(d, _context))];
    }

    /// <summary>Deletes the corpus and the pages written.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_work, recursive: true);

    /// <summary>Lists, reads and hashes every input file (no earlier build's hashes to trust).</summary>
    [Benchmark(OperationsPerInvoke = Pages)]
    public int ReadAndHash() => InputFiles.Read(_input).Hashes.Count;

    /// <summary>Each report's markdown to HTML (Markdig, the site's extensions).</summary>
    [Benchmark(OperationsPerInvoke = Pages)]
    public int Markdown()
    {
        var length = 0;
        foreach (var body in _bodies)
        {
            length += _markdown.Execute(body, _context).Content!.Length;
        }

        return length;
    }

    /// <summary>Each report page's layout (the compiled Scriban templates) into UTF-8.</summary>
    [Benchmark(OperationsPerInvoke = Pages)]
    public int Layout()
    {
        var length = 0;
        foreach (var fragment in _fragments)
        {
            var page = _layout.Execute(fragment, _context);
            length += page.Utf8!.Value.Length;
            ArrayPool<byte>.Shared.Return(page.Rented!);
        }

        return length;
    }

    /// <summary>A fresh output folder for <see cref="Write"/>, which writes new files only, as a build's staging does.</summary>
    [IterationSetup(Target = nameof(Write))]
    public void FreshOutput() => _context.OutputRoot = Directory.CreateDirectory(Path.Combine(_work, $"output-{_iteration++}")).FullName;

    /// <summary>Each report page written as a new file in its own folder.</summary>
    [Benchmark(OperationsPerInvoke = Pages)]
    public long Write()
    {
        // Written from copies: the module returns a page's rented array to the pool.
        var write = new WriteFiles();
        var written = 0L;
        foreach (var page in _pages)
        {
            written += write.Execute(page with { Rented = null }, _context).Written;
        }

        return written;
    }

    private static string RepositoryFile(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Site.sln")))
            {
                return Path.Combine(folder.FullName, name);
            }
        }

        throw new InvalidOperationException("run from a clone of the repository: no Site.sln above " + AppContext.BaseDirectory);
    }

    private sealed class Context : IExecutionContext
    {
        public string PipelineName => "micro";

        public string OutputRoot { get; set; } = "";

        public int Parallelism => 1;

        public CancellationToken CancellationToken => CancellationToken.None;

        public IReadOnlyList<Document> OutputsOf(string pipelineName) => [];
    }
}
