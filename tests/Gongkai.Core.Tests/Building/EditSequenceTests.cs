using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gongkai.Building;
using Gongkai.Pages;
using Gongkai.Tests.Support;
using Xunit.Abstractions;

namespace Gongkai.Tests.Building;

/// <summary>
/// A seeded run of the edits an office makes to the sample: a report's text, score or attachment, withholding a report
/// and publishing it again, a passage cut, an id renamed, the disclosure's front matter, a region's name, site.json, a
/// region taken out and put back, a file touched, a mistake and its fix. After each, the site is rebuilt into the previous
/// output three ways: by a new process, by a process that keeps its memory, and by one that is told what changed and
/// records later (as <c>serve</c> is). Each rebuild must write exactly the files and folders of a full build (the search
/// index included, when there is one), a failed one must leave the output as it was, and no withheld title, body or
/// attachment nor any cut passage may reach a file.
/// </summary>
public sealed partial class EditSequenceTests : IDisposable
{
    private const string Reports = "regions/karamay/2023/reports.json";
    private const string Disclosure = "regions/karamay/2023/disclosure.md";
    private const string ReportFolder = "regions/karamay/2023/reports";

    // Each kind of edit, in the order the first steps make them; then the generator picks.
    private static readonly string[] Kinds =
        ["text", "score", "attachment", "withhold", "publish", "passage", "rename", "front matter", "region name", "touch", "site", "region", "mistake"];

    private readonly TempFolder _temp = new();
    private readonly ITestOutputHelper _log;
    private readonly string _input;
    private readonly Random _random = new(20261124);
    private readonly BuildMemory _watching = new();
    private readonly (string Output, BuildMemory? Memory)[] _rebuilds;

    // Text that must never be in the site; the canaries of the title and body of each report this test withheld (by id),
    // taken out when it is published again; the canary in each report's attachment (by id), secret only while withheld.
    private readonly List<string> _canaries = [];
    private readonly Dictionary<string, (string Title, string Body)> _withheld = [];
    private readonly Dictionary<string, string> _attachments = [];
    private int _step, _planted;
    private bool _search;
    private int _catalogueReports;
    private string? _target, _beforeMistake;

    public EditSequenceTests(ITestOutputHelper log)
    {
        _log = log;
        _input = _temp.CopyTree(Repo.Input, "input");
        _watching.WatchInput();
        _watching.RecordLater();
        _rebuilds = [("cold", null), ("session", new BuildMemory()), ("watching", _watching)];
    }

    public void Dispose() => _temp.Dispose();

    // Without the search index; in fewer steps, with it in shards of a few pages (so that a change indexes some again); and
    // with the site-wide catalogue in a page per region (so that a region's change makes its page again, and only that).
    [Theory]
    [InlineData(false, 40, CataloguePage.DefaultPageReports)]
    [InlineData(true, 16, CataloguePage.DefaultPageReports)]
    [InlineData(false, 20, 10)]
    public async Task Every_rebuild_after_an_edit_equals_a_full_build_and_leaks_nothing_withheld(bool search, int steps, int catalogueReports)
    {
        (_search, _catalogueReports) = (search, catalogueReports);
        foreach (var (output, memory) in _rebuilds)
        {
            Assert.True((await Rebuild(output, memory)).Succeeded);
        }

        var kinds = new HashSet<string>();
        for (_step = 1; _step <= steps; _step++)
        {
            var kind = Edit();
            kinds.Add(kind);
            _log.WriteLine($"step {_step}: {kind} {_target}");
            if (kind == "mistake")
            {
                await ExpectFailureLeavingOutputs();
                continue;
            }

            var full = $"full-{_step}";
            var built = await Rebuild(full, null);
            Assert.True(built.Succeeded, $"step {_step} ({kind}): {built.Error} {string.Join("; ", built.Diagnostics)}");
            Assert.Empty(CanaryScanner.Find(_temp[full], _canaries));
            var expected = Tree(_temp[full]);
            foreach (var (output, memory) in _rebuilds)
            {
                var result = await Rebuild(output, memory);
                Assert.True(result.Succeeded, $"step {_step} ({kind}), {output}: {result.Error}");
                AssertSame(expected, Tree(_temp[output]), $"step {_step} ({kind}), {output}");
                // All is kept after a touch, nothing after a site-wide change, some files after any other edit; after an
                // edit to a report's text alone, only its region is read (without a search index, see TextEdit).
                Assert.True(kind switch { "touch" => result.UpToDate, "site" => result.Kept == 0, _ => result.Kept > 0 },
                    $"step {_step} ({kind}), {output}: up to date {result.UpToDate}, kept {result.Kept}");
                Assert.Equal(kind == "text" && !_search, result.TextEdit);
            }

            Directory.Delete(_temp[full], recursive: true);
        }

        Assert.Equal(Kinds.Order(StringComparer.Ordinal), kinds.Order(StringComparer.Ordinal));
    }

    // A build into the output folder named (in the temporary folder), waiting for a session's record.
    private async Task<BuildResult> Rebuild(string output, BuildMemory? memory)
    {
        var options = new BuildOptions(_input, _temp[output], Repo.Theme, null, Search: _search, SearchShardPages: 8, CataloguePageReports: _catalogueReports);
        var result = await SiteBuilder.BuildAsync(options, memory: memory);
        await (memory?.Recorded ?? Task.CompletedTask);
        return result;
    }

    // Paths of every file (with its hash) and every folder: a folder left behind empty differs from a full build too.
    private static SortedDictionary<string, string> Tree(string root)
    {
        var tree = OutputTree.Hashes(root);
        foreach (var folder in Directory.GetDirectories(root, "*", SearchOption.AllDirectories))
        {
            tree[Path.GetRelativePath(root, folder).Replace('\\', '/') + "/"] = "";
        }

        return tree;
    }

    // Fails with the paths whose file differs, is missing or is one too many.
    private static void AssertSame(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual, string context) =>
        Assert.Equal([], expected.Keys.Union(actual.Keys).Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k)).Select(k => $"{context}: {k}"));

    private async Task ExpectFailureLeavingOutputs()
    {
        foreach (var (output, memory) in _rebuilds)
        {
            var before = Tree(_temp[output]);
            Assert.False((await Rebuild(output, memory)).Succeeded, $"step {_step}, {output}");
            AssertSame(before, Tree(_temp[output]), $"step {_step}, {output}");
        }

        Write(Path.Combine(_input, Reports), _beforeMistake!);
    }

    // One edit, chosen by the seeded generator among those that apply now; its kind.
    private string Edit()
    {
        var entries = Catalogue();
        var published = entries.Where(e => (string)e["status"]! == "published").ToList();
        var withheld = entries.Where(e => _withheld.ContainsKey(Id(e))).ToList();
        var possible = Kinds.Where(k => k != "publish" || withheld.Count > 0).ToArray();
        var kind = _step <= Kinds.Length && possible.Contains(Kinds[_step - 1]) ? Kinds[_step - 1] : possible[_random.Next(possible.Length)];
        _target = null;
        switch (kind)
        {
            case "text":
                Append(Body(Pick(published)), $"\n第 {_step} 次补充说明：整改已完成。\n");
                break;
            case "score":
                var scored = Pick(published);
                var score = Math.Round(55 + (decimal)_random.NextDouble() * 44, 2);
                scored["score"] = score;
                scored["grade"] = score >= 90 ? "优" : score >= 80 ? "良" : score >= 60 ? "中" : "差";
                Save(entries);
                break;
            case "attachment":
                var attached = Pick(published);
                var (file, annex) = ($"annex-{_step}.pdf", NewCanary(secret: false));
                Write(Path.Combine(_input, ReportFolder, file), $"%PDF-1.4 {annex}");
                attached["attachments"] = new JsonArray(file);
                Save(entries);
                // The file it replaces stays in the input, listed nowhere: never to be published again.
                if (_attachments.Remove(Id(attached), out var replaced))
                {
                    _canaries.Add(replaced);
                }

                _attachments[Id(attached)] = annex;
                break;
            case "withhold":
                // The first one withholds the report given an attachment just before, which must go with it.
                var secret = Pick(_step <= Kinds.Length ? [.. published.Where(e => _attachments.ContainsKey(Id(e)))] : published);
                var marks = (Title: NewCanary(), Body: $"\n{NewCanary()}\n");
                _withheld[Id(secret)] = marks;
                if (_attachments.TryGetValue(Id(secret), out var withheldAnnex))
                {
                    _canaries.Add(withheldAnnex);
                }

                secret["status"] = "withheld";
                secret["withheldReason"] = "涉及涉密及敏感信息";
                secret["title"] = (string)secret["title"]! + marks.Title;
                Append(Body(secret), marks.Body);
                Save(entries);
                CountWithheld(+1);
                break;
            case "publish":
                var shown = Pick(withheld);
                _withheld.Remove(Id(shown), out var planted);
                _canaries.RemoveAll(c => c == planted.Title || c == planted.Body.Trim() || c == _attachments.GetValueOrDefault(Id(shown)));
                shown["status"] = "published";
                shown.Remove("withheldReason");
                shown["title"] = ((string)shown["title"]!).Replace(planted.Title, "", StringComparison.Ordinal);
                Write(Body(shown), File.ReadAllText(Body(shown)).Replace(planted.Body, "", StringComparison.Ordinal));
                Save(entries);
                CountWithheld(-1);
                break;
            case "passage":
                Append(Body(Pick(published)), $"\n:::redacted{{reason=\"涉及个人信息\"}}\n联系人电话 {NewCanary()}\n:::\n");
                break;
            case "rename":
                var renamed = Pick(published);
                var id = Id(renamed);
                renamed["aliases"] = new JsonArray([.. renamed["aliases"]?.AsArray().Select(a => a!.DeepClone()) ?? [], JsonValue.Create(id)]);
                renamed["id"] = $"{id.Split("-v")[0]}-v{_step}";
                if (_attachments.Remove(id, out var moved))
                {
                    _attachments[Id(renamed)] = moved;
                }

                Save(entries);
                break;
            case "front matter":
                Replace(Path.Combine(_input, Disclosure), "publisher: 克拉玛依市财政局", $"publisher: 克拉玛依市财政局（{_step}）");
                break;
            case "region name":
                var regions = Directory.GetDirectories(Path.Combine(_input, "regions"));
                _target = Path.GetFileName(regions[_random.Next(regions.Length)]);
                Replace(Path.Combine(_input, "regions", _target, "region.json"), "\"name\": \"", $"\"name\": \"{_step}");
                break;
            case "touch":
                var files = Directory.GetFiles(_input, "*", SearchOption.AllDirectories);
                _target = files[_random.Next(files.Length)];
                File.SetLastWriteTimeUtc(_target, DateTime.UtcNow.AddSeconds(-_random.Next(0, 5)));
                Heard(_target);
                break;
            case "site":
                Replace(Path.Combine(_input, "site.json"), "\"title\": \"预算绩效评价结果公开", $"\"title\": \"预算绩效评价结果公开{_step}");
                break;
            case "region":
                var (inside, aside) = (Path.Combine(_input, "regions", "zhundong"), _temp["zhundong"]);
                var (from, to) = Directory.Exists(inside) ? (inside, aside) : (aside, inside);
                Directory.Move(from, to);
                Heard(inside);
                break;
            case "mistake":
                _beforeMistake = File.ReadAllText(Path.Combine(_input, Reports));
                Write(Path.Combine(_input, Reports), _beforeMistake.TrimEnd().TrimEnd(']'));
                break;
        }

        return kind;
    }

    private List<JsonObject> Catalogue() =>
        [.. JsonNode.Parse(File.ReadAllText(Path.Combine(_input, Reports)))!.AsArray().Select(n => n!.AsObject())];

    private void Save(List<JsonObject> entries) =>
        Write(Path.Combine(_input, Reports), new JsonArray([.. entries.Select(e => e.DeepClone())]).ToJsonString());

    private static string Id(JsonObject entry) => (string)entry["id"]!;

    private JsonObject Pick(List<JsonObject> entries)
    {
        var entry = entries[_random.Next(entries.Count)];
        _target = Id(entry);
        return entry;
    }

    private string Body(JsonObject entry) => Path.Combine(_input, ReportFolder, (string)entry["body"]!);

    private string NewCanary(bool secret = true)
    {
        var canary = $"CANARY{_step}X{_planted++}";
        if (secret)
        {
            _canaries.Add(canary);
        }

        return canary;
    }

    private void CountWithheld(int change)
    {
        var path = Path.Combine(_input, Disclosure);
        Write(path, WithheldCount().Replace(File.ReadAllText(path), m => $"withheldCount: {int.Parse(m.Groups[1].Value) + change}"));
    }

    private void Replace(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        Write(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private void Append(string path, string text)
    {
        File.AppendAllText(path, text);
        Heard(path);
    }

    private void Write(string path, string text)
    {
        File.WriteAllText(path, text);
        Heard(path);
    }

    // What a watcher of the input folder would tell the watching session.
    private void Heard(string path) => _watching.InputChanged(path);

    [GeneratedRegex(@"withheldCount: (\d+)")]
    private static partial Regex WithheldCount();
}
