using System.Text.Json;
using Gongkai.Tests.Input;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Building;

public sealed class SampleSiteTests(SampleSite site) : IClassFixture<SampleSite>
{
    private string PagePath(string relative) => Path.Combine(site.Output, relative, "index.html");

    [Fact]
    public void There_is_a_page_for_home_catalogue_search_updates_data_each_region_disclosure_and_published_report()
    {
        string[] expected =
        [
            "index.html",
            "regions/bayingolin/index.html", "regions/karamay/index.html", "regions/kashi-edz/index.html", "regions/zhundong/index.html",
            "regions/bayingolin/2024/index.html", "regions/karamay/2023/index.html", "regions/kashi-edz/2024/index.html", "regions/zhundong/2021/index.html",
            "catalogue/index.html", "search/index.html", "updates/index.html", "data/index.html",
        ];
        Assert.All(expected, p => Assert.True(File.Exists(Path.Combine(site.Output, p)), p));

        var reportPages = Directory.GetFiles(site.Output, "index.html", SearchOption.AllDirectories).Count(p => p.Contains("/reports/"));
        Assert.Equal(6 + 9 + 10, reportPages);
        Assert.Equal(1 + 4 + 4 + 25 + 5, site.Result.Pages);
    }

    [Theory]
    [MemberData(nameof(SeedFigures.Disclosures), MemberType = typeof(SeedFigures))]
    public void Catalogue_rows_and_key_figures_match_the_seed(string region, int year, int objects, int reports, int withheld, decimal total, int? published, int? withheldRows)
    {
        var page = Html.Load(PagePath($"regions/{region}/{year}"));
        var rows = page.QuerySelectorAll("tr[data-status]");
        Assert.Equal(published ?? 0, rows.Count(r => r.GetAttribute("data-status") == "published"));
        Assert.Equal(withheldRows ?? 0, rows.Count(r => r.GetAttribute("data-status") == "withheld"));
        Assert.All(rows.Where(r => r.GetAttribute("data-status") == "withheld"), r =>
        {
            Assert.Contains("不予公开", r.TextContent);
            Assert.Contains("涉及涉密及敏感信息", r.TextContent);
            Assert.Empty(r.QuerySelectorAll("a"));
        });

        var figures = page.QuerySelectorAll(".figures dd").Select(dd => dd.TextContent).ToList();
        Assert.Equal($"{objects} 个", figures[0]);
        Assert.Equal(Gongkai.Rendering.Formats.Money(total), figures[1]);
        Assert.Equal($"{reports} 份", figures[2]);
        Assert.Equal($"{reports - withheld} 份", figures[3]);
        Assert.Equal($"{withheld} 份", figures[4]);

        var data = JsonDocument.Parse(File.ReadAllText(Path.Combine(site.Output, $"regions/{region}/{year}/index.json"))).RootElement;
        var evaluation = data.GetProperty("evaluation");
        Assert.Equal(objects, evaluation.GetProperty("objectCount").GetInt32());
        Assert.Equal(reports, evaluation.GetProperty("reportCount").GetInt32());
        Assert.Equal(withheld, evaluation.GetProperty("withheldCount").GetInt32());
        Assert.Equal(total, evaluation.GetProperty("totalAmount").GetDecimal());
        Assert.Equal(published is not null, data.GetProperty("itemised").GetBoolean());
    }

    [Fact]
    public void Amounts_show_as_the_sources_write_them() =>
        Assert.Equal(["1.34 亿元", "5.38 亿元", "23.81 亿元", "0.27 亿元"],
            new[] { "kashi-edz/2024", "bayingolin/2024", "karamay/2023", "zhundong/2021" }
                .Select(p => Html.Load(PagePath("regions/" + p)).QuerySelectorAll(".figures dd")[1].TextContent));

    [Theory]
    [MemberData(nameof(SeedFigures.Karamay), MemberType = typeof(SeedFigures))]
    public void Karamay_scores_grades_and_amounts_are_in_the_page_and_the_data(int no, decimal score, string grade, decimal? amount)
    {
        var row = Html.Load(PagePath("regions/karamay/2023")).QuerySelectorAll("tr[data-status]")[no - 1];
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(no.ToString(), cells[0]);
        Assert.Equal(amount is null ? "—" : Gongkai.Rendering.Formats.Number(amount.Value), cells[3]);
        Assert.Equal(Gongkai.Rendering.Formats.Number(score), cells[4]);
        Assert.Equal(grade, cells[5]);

        var entry = JsonDocument.Parse(File.ReadAllText(Path.Combine(site.Output, "regions/karamay/2023/index.json"))).RootElement
            .GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("no").GetInt32() == no);
        Assert.Equal(score, entry.GetProperty("score").GetDecimal());
        Assert.Equal(grade, entry.GetProperty("grade").GetString());
        Assert.Equal(amount, entry.TryGetProperty("amount", out var a) ? a.GetDecimal() : null);

        var reportPage = Html.Load(PagePath($"regions/karamay/2023/reports/{entry.GetProperty("id").GetString()}"));
        Assert.Contains($"{Gongkai.Rendering.Formats.Number(score)} 分", reportPage.QuerySelector(".meta-list")!.TextContent);
        Assert.Contains($"平均分为 {score} 分", reportPage.QuerySelector(".report-body")!.TextContent);
    }

    [Fact]
    public void Karamay_json_keeps_decimals_exact() =>
        Assert.Contains("\"score\": 90.35", site.Read("regions/karamay/2023/index.json"));

    [Fact]
    public void Zhundong_shows_a_note_instead_of_rows()
    {
        var page = Html.Load(PagePath("regions/zhundong/2021"));
        Assert.Empty(page.QuerySelectorAll("tr[data-status]"));
        var note = page.QuerySelector("[data-itemised=false]")!.TextContent;
        Assert.Contains("未逐项列出", note);
        Assert.Contains("5 个", note);
        Assert.DoesNotContain("不予公开", page.QuerySelector(".catalogue")!.TextContent);
    }

    [Fact]
    public void Catalogue_summaries_give_published_and_withheld_counts()
    {
        Assert.Equal("共 11 份评价报告：公开 6 份，5 份涉及涉密及敏感信息不予公开", Html.Load(PagePath("regions/kashi-edz/2024")).QuerySelector(".catalogue-summary")!.TextContent);
        Assert.Equal("共 11 份评价报告：公开 9 份，2 份涉及涉密及敏感信息不予公开", Html.Load(PagePath("regions/bayingolin/2024")).QuerySelector(".catalogue-summary")!.TextContent);
        Assert.Equal("共 10 份评价报告：公开 10 份", Html.Load(PagePath("regions/karamay/2023")).QuerySelector(".catalogue-summary")!.TextContent);
    }

    [Fact]
    public void Hard_wrapped_chinese_narrative_reads_without_stray_spaces()
    {
        var text = Html.Load(PagePath("regions/bayingolin/2024")).QuerySelector(".narrative")!.TextContent;
        Assert.Contains("评价类型覆盖", text);
        Assert.Contains("涉及资金 1.27 亿元", text);
        Assert.DoesNotContain("评价类\n型", text);
    }

    [Fact]
    public void Every_page_is_zh_cn_and_has_one_h1_a_title_and_a_description()
    {
        foreach (var file in Directory.GetFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            var page = Html.Load(file);
            Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
            Assert.Single(page.QuerySelectorAll("main h1"));
            Assert.False(string.IsNullOrWhiteSpace(page.Title), file);
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")?.GetAttribute("content")), file);
        }
    }

    [Fact]
    public void Every_internal_link_resolves_to_a_file_in_the_output()
    {
        var broken = new List<string>();
        foreach (var file in Directory.GetFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            var page = Html.Load(file);
            var targets = page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
                .Concat(page.QuerySelectorAll("link[href]").Select(l => l.GetAttribute("href")!))
                .Concat(page.QuerySelectorAll("[src]").Select(e => e.GetAttribute("src")!));
            foreach (var href in targets.Where(h => !h.StartsWith("http", StringComparison.Ordinal)))
            {
                if (!href.StartsWith('/') && !href.StartsWith('#'))
                {
                    broken.Add($"{file}: relative link {href}");
                    continue;
                }

                var path = href.Split('#')[0];
                if (path.Length == 0)
                {
                    continue;
                }

                var target = Path.Combine(site.Output, path.TrimStart('/'));
                if (path.EndsWith('/'))
                {
                    target = Path.Combine(target, "index.html");
                }

                if (!File.Exists(target))
                {
                    broken.Add($"{Path.GetRelativePath(site.Output, file)} → {href}");
                }
            }
        }

        Assert.Empty(broken);
    }

    [Fact]
    public void The_site_catalogue_lists_every_entry_with_filter_attributes()
    {
        var page = Html.Load(PagePath("catalogue"));
        var rows = page.QuerySelectorAll("#site-catalogue tbody tr");
        Assert.Equal(6 + 5 + 9 + 2 + 10, rows.Length);
        Assert.Equal(5 + 2, rows.Count(r => r.GetAttribute("data-status") == "withheld"));
        Assert.Equal(["bayingolin", "karamay", "kashi-edz"], rows.Select(r => r.GetAttribute("data-region")).Distinct());
        var karamayExcellent = rows.Where(r => r.GetAttribute("data-region") == "karamay" && r.GetAttribute("data-grade") == "excellent").ToList();
        Assert.Equal(6, karamayExcellent.Count);
        Assert.All(rows.Where(r => r.GetAttribute("data-status") == "withheld"), r =>
        {
            Assert.Equal("", r.GetAttribute("data-grade"));
            Assert.Null(r.GetAttribute("data-score"));
            Assert.Empty(r.QuerySelectorAll("td:nth-child(4) a"));
        });
        Assert.NotNull(page.QuerySelector("form#catalogue-filters[hidden]"));
    }

    [Fact]
    public void Scripts_load_only_where_they_are_used()
    {
        var withCharts = new List<string>();
        foreach (var file in Directory.GetFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            var page = Html.Load(file);
            var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")).ToList();
            Assert.All(page.QuerySelectorAll("script[src]"), s => Assert.True(s.HasAttribute("defer")));
            var logical = scripts.Select(src => System.Text.RegularExpressions.Regex.Replace(src!, @"\.[0-9a-f]{10}\.js$", ".js")).ToList();
            Assert.All(scripts, src => Assert.True(File.Exists(Path.Combine(site.Output, src!.TrimStart('/'))), src));
            if (file.EndsWith("/catalogue/index.html", StringComparison.Ordinal))
            {
                Assert.Equal(["/assets/catalogue.js"], logical);
            }
            else if (file.EndsWith("/search/index.html", StringComparison.Ordinal))
            {
                Assert.Equal(["/assets/search.js"], logical);
            }
            else if (page.QuerySelector("figure.chart") is not null)
            {
                Assert.Equal(["/assets/vendor/chart.umd.min.js", "/assets/charts.js"], logical);
                withCharts.Add(Path.GetRelativePath(site.Output, file));
            }
            else
            {
                Assert.Empty(scripts);
            }
        }

        Assert.Equal(["index.html", "regions/bayingolin/2024/index.html", "regions/karamay/2023/index.html", "regions/kashi-edz/2024/index.html"],
            withCharts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_redaction_report_holds_counts_only()
    {
        var report = JsonDocument.Parse(site.Read("data/redactions.json")).RootElement.GetProperty("disclosures");
        var kashi = report.EnumerateArray().Single(d => d.GetProperty("region").GetString() == "kashi-edz");
        Assert.Equal(5, kashi.GetProperty("withheldEntries").GetInt32());
        Assert.Equal(0, kashi.GetProperty("redactedPassages").GetInt32());
        Assert.Equal(["region", "regionName", "fiscalYear", "withheldEntries", "redactedPassages"], kashi.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void The_karamay_score_chart_json_holds_exactly_the_ten_scores()
    {
        var config = JsonDocument.Parse(site.Read("regions/karamay/2023/charts/scores.json")).RootElement;
        Assert.Equal("bar", config.GetProperty("type").GetString());
        Assert.Equal("y", config.GetProperty("options").GetProperty("indexAxis").GetString());
        var data = config.GetProperty("data").GetProperty("datasets")[0].GetProperty("data").EnumerateArray().Select(v => v.GetRawText()).ToList();
        Assert.Equal(["96.02", "94.33", "92.2", "91.5", "91.43", "90.35", "86.93", "85.93", "84.76", "83.32"], data);
        var notes = config.GetProperty("options").GetProperty("plugins").GetProperty("gongkai").GetProperty("notes").EnumerateArray().Select(n => n.GetString());
        Assert.Equal(["优", "优", "优", "优", "优", "优", "良", "良", "良", "良"], notes);

        var bytes = File.ReadAllBytes(Path.Combine(site.Output, "regions/karamay/2023/charts/scores.csv"));
        Assert.Equal(System.Text.Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("项目,得分（分）,说明\r\n", csv);
        Assert.Contains("第二污水处理厂污水收集系统工程（一期）绩效评价报告,90.35,优\r\n", csv);
    }

    [Fact]
    public void Charts_are_made_only_where_the_data_supports_them()
    {
        Assert.False(Directory.Exists(Path.Combine(site.Output, "regions/zhundong/2021/charts")));
        Assert.Equal(["categories.json", "indicators.json"],
            Directory.GetFiles(Path.Combine(site.Output, "regions/kashi-edz/2024/charts"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var indicators = JsonDocument.Parse(site.Read("regions/kashi-edz/2024/charts/indicators.json")).RootElement;
        Assert.Equal("40.75", indicators.GetProperty("data").GetProperty("datasets")[0].GetProperty("data")[0].GetRawText());
        Assert.Equal("50", indicators.GetProperty("options").GetProperty("plugins").GetProperty("gongkai").GetProperty("targets")[0].GetRawText());
    }

    [Fact]
    public void Assets_carry_their_content_hash_and_html_does_not()
    {
        var assets = Directory.GetFiles(Path.Combine(site.Output, "assets"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/')).ToList();
        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            var match = System.Text.RegularExpressions.Regex.Match(asset, @"\.([0-9a-f]{10})\.[a-z]+$");
            Assert.True(match.Success, asset);
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(site.Output, asset))))[..10];
            Assert.Equal(hash, match.Groups[1].Value);
        }

        Assert.True(File.Exists(Path.Combine(site.Output, "regions/karamay/index.html")));
    }

    [Fact]
    public void Pages_have_open_graph_tags_and_a_manifest()
    {
        var page = Html.Load(PagePath("regions/karamay/2023"));
        Assert.Null(page.QuerySelector("link[rel=canonical]"));
        Assert.Equal("zh_CN", page.QuerySelector("meta[property='og:locale']")!.GetAttribute("content"));
        Assert.StartsWith("克拉玛依市 2023 年度", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal(2, page.QuerySelectorAll("meta[name=theme-color]").Length);

        var manifest = JsonDocument.Parse(site.Read("manifest.webmanifest")).RootElement;
        Assert.Equal("/", manifest.GetProperty("start_url").GetString());
        Assert.Equal("zh-CN", manifest.GetProperty("lang").GetString());
        Assert.True(File.Exists(Path.Combine(site.Output, manifest.GetProperty("icons")[0].GetProperty("src").GetString()!.TrimStart('/'))));
    }

    [Fact]
    public void Open_data_exports_hold_every_entry_with_public_fields_only()
    {
        var bytes = File.ReadAllBytes(Path.Combine(site.Output, "data/all-reports.csv"));
        Assert.Equal(System.Text.Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("region,regionName,fiscalYear,no,status,id,title,category,categoryLabel,amount,amountNote,score,grade,withheldReason,page,url", lines[0]);
        Assert.Equal(32, lines.Length - 1);
        Assert.Contains("karamay,克拉玛依市,2023,6,published,second-sewage-plant,第二污水处理厂污水收集系统工程（一期）绩效评价报告,government-procurement,政府采购项目,2177.62,,90.35,优,,/regions/karamay/2023/reports/second-sewage-plant/,", lines);
        Assert.Contains("kashi-edz,喀什经济开发区,2024,7,withheld,,,,,,,,,涉及涉密及敏感信息,,", lines);

        var json = JsonDocument.Parse(site.Read("data/all-reports.json")).RootElement;
        Assert.Equal(32, json.GetArrayLength());
        var withheld = json.EnumerateArray().First(e => e.GetProperty("status").GetString() == "withheld");
        Assert.Equal(["region", "regionName", "fiscalYear", "no", "status", "withheldReason"], withheld.EnumerateObject().Select(p => p.Name));

        Assert.Equal(11 + 1, File.ReadAllText(Path.Combine(site.Output, "regions/kashi-edz/2024/reports.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.False(File.Exists(Path.Combine(site.Output, "regions/zhundong/2021/reports.csv")));
    }

    [Fact]
    public void There_is_a_404_page_and_robots_txt()
    {
        var page = Html.Load(Path.Combine(site.Output, "404.html"));
        Assert.Equal("找不到该页面", page.QuerySelector("main h1")!.TextContent);
        Assert.Contains("/search/", page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
        Assert.StartsWith("User-agent: *", site.Read("robots.txt"));
    }
}
