using Gongkai.Input.Binding;
using Gongkai.Input.Tree;
using Gongkai.Model;
using Gongkai.Validation;

namespace Gongkai.Input;

/// <summary>
/// Reads an input folder (site.json, regions/&lt;slug&gt;/…) into the model, reporting every problem found. The files
/// come from <paramref name="files"/> when the caller has read them already (a build hashes them first). Report
/// bodies and regions that <paramref name="kept"/> names are not read (see <see cref="KeptInput"/>).
/// </summary>
public sealed class InputReader(string inputRoot, DiagnosticBag diagnostics, InputFiles? files = null, KeptInput? kept = null)
{
    private readonly DiagnosticBag _diagnostics = diagnostics;
    private readonly InputFiles _files = files ?? InputFiles.Read(inputRoot);
    private readonly KeptInput? _kept = kept;

    /// <summary>Where every object read came from, for checks that run on the model afterwards.</summary>
    public SourceMap Sources { get; } = new();
    private readonly string _root = Path.GetFullPath(inputRoot);

    /// <summary>The site, or null when it could not be read far enough to build (see the diagnostics).</summary>
    public Site? Read()
    {
        if (!Directory.Exists(_root))
        {
            _diagnostics.Error("GK0001", SourceLocation.OfFile(inputRoot), "input folder does not exist");
            return null;
        }

        var info = ReadSiteInfo();
        var regions = ReadRegions();
        return info is null ? null : new Site(info, regions);
    }

    /// <summary>The site's own fields (site.json), or null when they could not be read (see the diagnostics).</summary>
    public SiteInfo? ReadSiteInfo() => ReadJson("site.json", required: true) is { } siteNode ? SiteInfoBinder.Bind(siteNode, _diagnostics) : null;

    /// <summary>
    /// The report body at <paramref name="file"/> (an input path of a file that exists), without the front matter a body
    /// may carry for the office's own records (never published); null when it could not be read (see the diagnostics).
    /// </summary>
    public MarkdownBody? ReadBody(string file)
    {
        var text = SourceText.Text(_files.Bytes(file)!.Value, file, _diagnostics);
        if (text is null)
        {
            return null;
        }

        var hasFrontMatter = text.StartsWith("---\n", StringComparison.Ordinal);
        var parts = hasFrontMatter ? FrontMatter.Split(text, file, _diagnostics) : null;
        if (hasFrontMatter && parts is null)
        {
            return null;
        }

        var body = new MarkdownBody(file, parts?.Body ?? text);
        Sources.Record(body, "", new SourceLocation(file, parts?.BodyFirstLine ?? 1, 1));
        return body;
    }

    private List<Region> ReadRegions()
    {
        var regionsDir = Path.Combine(_root, "regions");
        if (!Directory.Exists(regionsDir))
        {
            _diagnostics.Error("GK0200", SourceLocation.OfFile("regions"), "no regions/ folder", "create input/regions/<slug>/region.json for each region");
            return [];
        }

        // Regions are independent: read them on every core, keeping folder order.
        var regions = SortedDirectories(regionsDir).AsParallel().AsOrdered().Select(dir =>
        {
            var slug = Path.GetFileName(dir);
            if (!Slugs.IsValid(slug))
            {
                _diagnostics.Error("GK0201", SourceLocation.OfFile($"regions/{slug}"), $"region folder name \"{slug}\" is not URL-safe", Slugs.Rule);
                return null;
            }

            if (_kept?.Regions.GetValueOrDefault(slug) is { } keptRegion)
            {
                Sources.Keep(keptRegion);
                return keptRegion;
            }

            return ReadRegion(slug, dir);
        }).OfType<Region>().ToList();

        var slugs = regions.Select(r => r.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var region in regions.Where(r => r.Parent is not null && !slugs.Contains(r.Parent)))
        {
            _diagnostics.Error("GK0204", SourceLocation.OfFile($"regions/{region.Slug}/region.json"),
                $"\"parent\" names region \"{region.Parent}\", which does not exist",
                $"known regions: {string.Join(", ", slugs.Order(StringComparer.Ordinal))}");
        }

        // A former slug must lead to one region only.
        var owners = regions.ToDictionary(r => r.Slug, r => r.Slug, StringComparer.Ordinal);
        foreach (var region in regions)
        {
            foreach (var alias in region.Aliases.Where(a => !owners.TryAdd(a, region.Slug)))
            {
                _diagnostics.Error("GK0406", Sources.Of(region, "aliases"), $"alias \"{alias}\" is also the slug or alias of region \"{owners[alias]}\"",
                    "an old address can lead to one region only", "aliases");
            }
        }

        return regions;
    }

    private Region? ReadRegion(string slug, string dir)
    {
        var node = ReadJson($"regions/{slug}/region.json", required: true);
        var fields = node is null ? null : RegionBinder.Bind(node, _diagnostics);

        var disclosures = new List<Disclosure>();
        foreach (var yearDir in SortedDirectories(dir))
        {
            var name = Path.GetFileName(yearDir);
            if (name.Length != 4 || !int.TryParse(name, out var year))
            {
                _diagnostics.Error("GK0203", SourceLocation.OfFile($"regions/{slug}/{name}"),
                    $"unexpected folder \"{name}\"; a region holds one folder per fiscal year, named like 2024");
                continue;
            }

            if (ReadDisclosure(slug, year) is { } disclosure)
            {
                disclosures.Add(disclosure);
            }
        }

        disclosures.Sort((a, b) => b.Year.CompareTo(a.Year));
        if (fields is null)
        {
            return null;
        }

        var region = new Region(slug, fields.Name, fields.Level, fields.Parent, fields.Summary, disclosures, fields.Aliases);
        Sources.Record(region, (InputMap)node!);
        return region;
    }

    private Disclosure? ReadDisclosure(string slug, int year)
    {
        var folder = $"regions/{slug}/{year}";
        var file = $"{folder}/disclosure.md";
        if (_files.Bytes(file) is not { } raw)
        {
            _diagnostics.Error("GK0202", SourceLocation.OfFile(folder), "year folder has no disclosure.md");
            return null;
        }

        var text = SourceText.Text(raw, file, _diagnostics);
        var parts = text is null ? null : FrontMatter.Split(text, file, _diagnostics);
        var node = parts is null ? null : YamlTreeReader.Parse(parts.Yaml, file, parts.YamlFirstLine, _diagnostics);

        var catalogueNode = ReadJson($"{folder}/reports.json", required: false);
        var entries = catalogueNode is null
            ? null
            : CatalogueBinder.Bind(catalogueNode, new ReportFiles(this, $"{folder}/reports"), Sources, _diagnostics);

        return node is null ? null : DisclosureBinder.Bind(node, parts!, slug, year, file, entries, Sources, _diagnostics);
    }

    private InputNode? ReadJson(string file, bool required)
    {
        if (_files.Bytes(file) is not { } raw)
        {
            if (required)
            {
                _diagnostics.Error("GK0200", SourceLocation.OfFile(file), "file is missing");
            }

            return null;
        }

        return SourceText.Utf8Bytes(raw, file, _diagnostics) is { } bytes ? JsonTreeReader.Parse(bytes, file, _diagnostics) : null;
    }

    private string Full(string relative) => Path.Combine(_root, relative);

    private static IEnumerable<string> SortedDirectories(string dir) =>
        Directory.GetDirectories(dir).Order(StringComparer.Ordinal);

    /// <summary>Reads report bodies and finds attachments under one disclosure's <c>reports/</c> folder.</summary>
    private sealed class ReportFiles(InputReader reader, string reportsFolder) : IReportFiles
    {
        public ReportBody? LoadBody(string relativePath, SourceLocation namedAt)
        {
            var file = $"{reportsFolder}/{relativePath}";
            if (reader._kept?.IsKept(file) == true && reader._files.Contains(file))
            {
                return new KeptBody(file, reader._kept.Passages.GetValueOrDefault(file));
            }

            if (!reader._files.Contains(file))
            {
                reader._diagnostics.Error("GK0304", namedAt, $"body file \"{file}\" does not exist");
                return null;
            }

            return reader.ReadBody(file);
        }

        public Attachment? FindAttachment(string relativePath, SourceLocation namedAt)
        {
            var file = $"{reportsFolder}/{relativePath}";
            if (reader._files.Contains(file))
            {
                return new Attachment(file, reader.Full(file));
            }

            reader._diagnostics.Error("GK0304", namedAt, $"attachment \"{file}\" does not exist");
            return null;
        }
    }
}
