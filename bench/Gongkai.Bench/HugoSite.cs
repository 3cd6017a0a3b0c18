using System.Globalization;
using System.Text.Json;

namespace Gongkai.Bench;

/// <summary>A catalogue row as the Hugo site gets it: withheld entries without title, amount or score.</summary>
internal sealed record HugoEntry(int No, string Id, string? Title, string Category, decimal? Amount, decimal? Score);

/// <summary>
/// The benchmark corpus as a Hugo site doing comparable work: the same markdown rendered, a page per region, per
/// disclosure (narrative plus catalogue table) and per published report, one base layout with header and footer.
/// </summary>
internal sealed class HugoSite
{
    private readonly string _root;

    public HugoSite(string root)
    {
        _root = root;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Write("hugo.toml", """
            baseURL = "/"
            languageCode = "zh-cn"
            title = "预算绩效评价结果公开（基准语料）"
            disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
            [markup.goldmark.renderer]
            unsafe = false
            """);
        Write("content/_index.md", "---\ntitle: 首页\n---\n");
        Write("layouts/_default/baseof.html", """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }} - {{ .Site.Title }}</title><link rel="stylesheet" href="/site.css"></head>
            <body>
            <header><a href="/">{{ .Site.Title }}</a><nav><a href="/">首页</a> <a href="/search/">搜索</a></nav></header>
            <nav class="breadcrumbs">{{ range .Ancestors.Reverse }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> › {{ end }}{{ .Title }}</nav>
            <main>{{ block "main" . }}{{ end }}</main>
            <footer><p>本站为静态网站。</p></footer>
            </body>
            </html>
            """);
        Write("layouts/index.html", """
            {{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>{{ range (.Site.GetPage "/regions").Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
            """);
        Write("layouts/_default/list.html", """
            {{ define "main" }}<h1>{{ .Title }}</h1>
            {{ with .Params.entries }}<table><thead><tr><th>序号</th><th>报告名称</th><th>类别</th><th>金额（万元）</th><th>得分</th></tr></thead><tbody>
            {{ range . }}<tr><td>{{ .no }}</td><td>{{ if .title }}<a href="reports/{{ .id }}/">{{ .title }}</a>{{ else }}不予公开{{ end }}</td><td>{{ .category }}</td><td>{{ with .amount }}{{ lang.FormatNumber 2 . }}{{ end }}</td><td>{{ .score }}</td></tr>
            {{ end }}</tbody></table>{{ end }}
            {{ .Content }}
            <ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
            """);
        Write("layouts/_default/single.html", """
            {{ define "main" }}<h1>{{ .Title }}</h1><dl><dt>金额</dt><dd>{{ lang.FormatNumber 2 .Params.amount }} 万元</dd><dt>得分</dt><dd>{{ .Params.score }}</dd></dl>{{ .Content }}{{ end }}
            """);
        Write("static/site.css", "body { font-family: sans-serif; }\n");
    }

    public void Region(string slug, string name) =>
        Write($"content/regions/{slug}/_index.md", $"---\ntitle: {name}\n---\n");

    public void Disclosure(string slug, int year, string narrative, IReadOnlyList<HugoEntry> entries)
    {
        var front = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["title"] = $"{year} 年度",
            ["entries"] = entries.Select(e => new { no = e.No, id = e.Id, title = e.Title, category = e.Category, amount = e.Amount, score = e.Score }),
        });
        Write($"content/regions/{slug}/{year}/_index.md", front + "\n\n" + narrative);
        Write($"content/regions/{slug}/{year}/reports/_index.md", "---\ntitle: 报告\n---\n");
    }

    public void Report(string slug, int year, string id, string title, decimal amount, decimal score, string body) =>
        Write($"content/regions/{slug}/{year}/reports/{id}.md",
            string.Create(CultureInfo.InvariantCulture, $"---\ntitle: \"{title}\"\namount: {amount}\nscore: {score}\n---\n\n{body}"));

    private void Write(string relative, string text) => CorpusCommand.Write(_root, relative, text);
}
