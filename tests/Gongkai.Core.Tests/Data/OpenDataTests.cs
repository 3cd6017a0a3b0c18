using System.Globalization;
using System.Text;
using System.Text.Json;
using Gongkai.Data;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Data;

/// <summary>The open data: the CSV read back as a spreadsheet would, the data page and the Dataset JSON-LD.</summary>
public sealed class OpenDataTests(SampleSite site) : IClassFixture<SampleSite>
{
    [Fact]
    public void The_csv_read_back_with_a_csv_parser_equals_the_json_export()
    {
        var bytes = File.ReadAllBytes(Path.Combine(site.Output, "data/all-reports.csv"));
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var records = ParseCsv(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[3..]));
        var header = records[0];
        Assert.Equal(ReportTable.Columns, header);

        var json = JsonDocument.Parse(site.Read("data/all-reports.json")).RootElement.EnumerateArray().ToList();
        Assert.Equal(json.Count, records.Count - 1);
        for (var i = 0; i < json.Count; i++)
        {
            for (var c = 0; c < header.Count; c++)
            {
                var csv = records[i + 1][c];
                var same = !json[i].TryGetProperty(header[c], out var value) ? csv == ""
                    : value.ValueKind == JsonValueKind.Number ? decimal.Parse(csv, CultureInfo.InvariantCulture) == value.GetDecimal()
                    : csv == value.GetString();
                Assert.True(same, $"row {i + 1}, {header[c]}: csv \"{csv}\", json {value}");
            }
        }
    }

    [Fact]
    public void The_data_page_links_every_download_and_explains_every_column()
    {
        var page = Html.Load(Path.Combine(site.Output, "data/index.html"));
        var links = page.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!).ToList();
        string[] downloads = ["/data/all-reports.csv", "/data/all-reports.json", "/data/redactions.json", "/regions/kashi-edz/2024/reports.csv", "/regions/zhundong/2021/index.json"];
        Assert.All(downloads, d => Assert.Contains(d, links));
        Assert.All(links.Where(l => l.Contains('.')), l => Assert.True(File.Exists(Path.Combine(site.Output, l.TrimStart('/'))), l));
        Assert.Equal(ReportTable.Columns, page.QuerySelectorAll("main td code").Select(c => c.TextContent));
        Assert.Contains("引用时请注明来源", page.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [InlineData("karamay/2023", true)]
    [InlineData("zhundong/2021", false)]
    public void Disclosure_pages_describe_themselves_as_a_schema_org_dataset(string disclosure, bool itemised)
    {
        var page = Html.Load(Path.Combine(site.Output, "regions", disclosure, "index.html"));
        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        var ld = JsonDocument.Parse(script.TextContent).RootElement;
        Assert.Equal("Dataset", ld.GetProperty("@type").GetString());
        Assert.Equal($"/regions/{disclosure}/", ld.GetProperty("url").GetString());
        var files = ld.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("contentUrl").GetString()!).ToList();
        Assert.Equal(itemised ? 2 : 1, files.Count);
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(site.Output, f.TrimStart('/'))), f));
        Assert.Equal(page.QuerySelector("meta[name=description]")!.GetAttribute("content"), ld.GetProperty("description").GetString());
    }

    [Fact]
    public void A_field_with_a_comma_quote_or_line_break_is_quoted_and_reads_back_as_it_was()
    {
        string?[] fields = ["甲,乙", "他说\"好\"", "一\r\n二", null, "", "平常", "\""];

        var text = new StringBuilder().AppendCsvLine(fields).AppendCsvLine(["末"]).ToString();

        Assert.Equal("\"甲,乙\",\"他说\"\"好\"\"\",\"一\r\n二\",,,平常,\"\"\"\"\r\n末\r\n", text);
        Assert.Equal([[.. fields.Select(f => f ?? "")], ["末"]], ParseCsv(text));
    }

    // RFC 4180: fields separated by commas, quoted when they hold commas, quotes or line breaks; quotes doubled.
    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.Empty(record);
        return records;
    }
}
