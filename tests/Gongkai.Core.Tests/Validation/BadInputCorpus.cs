using System.Text;
using Gongkai.Tests.Support;
using Gongkai.Validation;

namespace Gongkai.Tests.Validation;

/// <summary>The bad-input corpus: every validation rule, each broken once on the minimal input.</summary>
public static class BadInputCorpus
{
    private const string Site = "site.json";
    private const string Region = "regions/demo/region.json";
    private const string Disclosure = MinimalInput.DisclosureFile;
    private const string Catalogue = MinimalInput.CatalogueFile;

    private static readonly string Deep = new string('[', 100) + new string(']', 100);

    /// <summary>All cases, by name.</summary>
    public static IReadOnlyDictionary<string, BadInputCase> Cases { get; } = new BadInputCase[]
    {
        // Files and encodings
        new("empty site.json", i => i.Write(Site, "  \n"), "GK0004", Site, 0, 0),
        new("truncated JSON", i => i.Write(Site, "{ \"title\": \"x\""), "GK0005", Site, 1, 15),
        new("GBK-encoded JSON", i => i.WriteBytes(Region, Gb18030("{ \"name\": \"示例市\", \"level\": \"市\" }")), "GK0002", Region, 1, 13),
        new("file over 10 MB", i => i.Write(Site, "{ \"title\": \"" + new string('x', 11 * 1024 * 1024) + "\" }"), "GK0003", Site, 0, 0),
        new("JSON nested too deeply", i => i.Write(Catalogue, Deep), "GK0008", Catalogue, 1, 65),
        new("duplicate JSON key", i => i.Write(Site, "{ \"title\": \"a\", \"title\": \"b\" }"), "GK0006", Site, 1, 17),
        new("disclosure.md without front matter", i => i.Write(Disclosure, "## 一、说明\n"), "GK0010", Disclosure, 1, 1),
        new("empty disclosure.md", i => i.Write(Disclosure, ""), "GK0010", Disclosure, 1, 1),
        new("front matter not closed", i => i.Replace(Disclosure, "---\n\n##", "\n##"), "GK0011", Disclosure, 1, 1),
        new("YAML indented with a tab", i => i.Replace(Disclosure, "  reportCount: 2", "\treportCount: 2"), "GK0007", Disclosure, 9, 1),
        new("YAML unclosed bracket", i => i.Replace(Disclosure, "publisher: 示例市财政局", "publisher: [示例市财政局"), "GK0007", Disclosure, 2, 1),
        new("YAML nested too deeply", i => i.Replace(Disclosure, "publisher: 示例市财政局", "publisher: " + Deep), "GK0008", Disclosure, 5, 1),
        new("duplicate YAML key", i => i.Replace(Disclosure, "publisher: 示例市财政局", "publisher: 示例市财政局\npublisher: 另一个"), "GK0007", Disclosure, 6, 1),
        new("YAML wrongly indented", i => i.Replace(Disclosure, "  reportCount: 2", "    reportCount: 2"), "GK0007", Disclosure, 9, 16),

        // Folders
        new("no regions folder", i => Directory.Delete(Path.Combine(i.Root, "regions"), true), "GK0200", "regions", 0, 0),
        new("region.json missing", i => File.Delete(Path.Combine(i.Root, Region)), "GK0200", Region, 0, 0),
        new("region folder not URL-safe", i => i.Write("regions/Demo City/region.json", "{ \"name\": \"x\", \"level\": \"市\" }"), "GK0201", "regions/Demo City", 0, 0),
        new("year folder without disclosure.md", i => i.Write("regions/demo/2022/reports.json", "[]"), "GK0202", "regions/demo/2022", 0, 0),
        new("unexpected folder in a region", i => i.Write("regions/demo/notes/a.txt", "x"), "GK0203", "regions/demo/notes", 0, 0),
        new("parent region unknown", i => i.Write(Region, "{ \"name\": \"示例市\", \"level\": \"市\", \"parent\": \"xinjiang\" }"), "GK0204", Region, 0, 0),

        // Fields
        new("site title missing", i => i.Write(Site, "{ }"), "GK0100", Site, 1, 1),
        new("site title not a string", i => i.Write(Site, "{ \"title\": true }"), "GK0101", Site, 1, 12),
        new("unknown field in site.json", i => i.Write(Site, "{ \"titel\": \"x\", \"title\": \"x\" }"), "GK0103", Site, 1, 3),
        new("region level missing", i => i.Write(Region, "{ \"name\": \"示例市\" }"), "GK0100", Region, 1, 1),
        new("empty string", i => i.Write(Region, "{ \"name\": \"\", \"level\": \"市\" }"), "GK0104", Region, 1, 11),
        new("fiscalYear not a number", i => i.Replace(Disclosure, "fiscalYear: 2023", "fiscalYear: 二〇二三"), "GK0101", Disclosure, 3, 13),
        new("publishedYear out of range", i => i.Replace(Disclosure, "publishedYear: 2024", "publishedYear: 1800"), "GK0102", Disclosure, 4, 16),
        new("evaluation missing", i => i.Replace(Disclosure, "evaluation:\n  objectCount: 2\n  totalAmount: 100.5\n  reportCount: 2\n  withheldCount: 1\n", ""), "GK0100", Disclosure, 2, 1),
        new("totalAmount written in 亿元", i => i.Replace(Disclosure, "totalAmount: 100.5", "totalAmount: 1.34亿元"), "GK0101", Disclosure, 8, 16),
        new("unknown category in byCategory", i => i.Replace(Disclosure, "  objectCount: 2\n", "  objectCount: 2\n  byCategory:\n    policy: 2\n"), "GK0103", Disclosure, 9, 5),
        new("catalogue is not a list", i => i.Write(Catalogue, "{ }"), "GK0101", Catalogue, 1, 1),
        new("score is Chinese text", i => i.Replace(Catalogue, "\"score\": 91.2", "\"score\": \"九十\""), "GK0101", Catalogue, 2, 60),
        new("score over 100", i => i.Replace(Catalogue, "\"score\": 91.2", "\"score\": 191.2"), "GK0102", Catalogue, 2, 60),
        new("grade not 优良中差", i => i.Replace(Catalogue, "\"grade\": \"优\"", "\"grade\": \"A\""), "GK0102", Catalogue, 2, 75),
        new("revision date not YYYY-MM-DD", i => i.Replace(Disclosure, "publisher: 示例市财政局", "publisher: 示例市财政局\nrevisions:\n  - date: 2024年3月1日\n    note: 更正"), "GK0102", Disclosure, 7, 11),
        new("disclosure date not YYYY-MM-DD", i => i.Replace(Disclosure, "publisher: 示例市财政局", "publisher: 示例市财政局\ndate: 2021.12.14"), "GK0102", Disclosure, 6, 7),
        new("revision without note", i => i.Replace(Catalogue, "\"body\": \"park.md\" }", "\"body\": \"park.md\", \"revisions\": [{ \"date\": \"2024-03-01\" }] }"), "GK0100", Catalogue, 2, 136),
        new("licenseUrl not a web address", i => i.Write(Site, "{ \"title\": \"x\", \"licenseUrl\": \"licence.html\" }"), "GK0102", Site, 1, 31),
        new("region alias is a region's slug", i => i.Write(Region, "{ \"name\": \"示例市\", \"level\": \"市\", \"aliases\": [\"demo\"] }"), "GK0406", Region, 1, 43),
        new("status unknown", i => i.Replace(Catalogue, "\"status\": \"published\"", "\"status\": \"public\""), "GK0102", Catalogue, 2, 90),
        new("withheld without reason", i => i.Replace(Catalogue, ", \"withheldReason\": \"涉及涉密及敏感信息\"", ""), "GK0100", Catalogue, 3, 3),
        new("published without title", i => i.Replace(Catalogue, "\"title\": \"公园项目绩效评价报告\", ", ""), "GK0100", Catalogue, 2, 3),
        new("near-miss field name", i => i.Replace(Catalogue, "\"withheldReason\"", "\"withheldReson\""), "GK0103", Catalogue, 3, 69),
        new("id not URL-safe", i => i.Replace(Catalogue, "\"id\": \"park\"", "\"id\": \"Park 1\""), "GK0301", Catalogue, 2, 20),
        new("unknown category", i => i.Replace(Catalogue, "\"no\": 1,", "\"no\": 1, \"category\": \"policy\","), "GK0302", Catalogue, 2, 26),
        new("body path leaves reports/", i => i.Replace(Catalogue, "\"body\": \"park.md\"", "\"body\": \"../park.md\""), "GK0303", Catalogue, 2, 111),
        new("body file missing", i => i.Replace(Catalogue, "\"body\": \"park.md\"", "\"body\": \"lake.md\""), "GK0304", Catalogue, 2, 111),
        new("attachment missing", i => i.Replace(Catalogue, "\"body\": \"park.md\"", "\"body\": \"park.md\", \"attachments\": [\"park.pdf\"]"), "GK0304", Catalogue, 2, 138),
        new("withheld entry names a body", i => i.Replace(Catalogue, "\"status\": \"withheld\"", "\"status\": \"withheld\", \"body\": \"secret.md\""), "GK0306", Catalogue, 3, 77, Severity.Warning),

        // Audits
        new("byCategory does not add up", i => i.Replace(Disclosure, "  objectCount: 2\n", "  objectCount: 2\n  byCategory:\n    fiscal-policy: 1\n    other-major: 2\n"), "GK0400", Disclosure, 9, 5),
        new("reportCount differs from the catalogue", i => i.Replace(Disclosure, "reportCount: 2", "reportCount: 3"), "GK0401", Disclosure, 9, 16),
        new("withheldCount differs from the catalogue", i => i.Replace(Disclosure, "withheldCount: 1", "withheldCount: 0"), "GK0402", Disclosure, 10, 18),
        new("grade disagrees with score", i => i.Replace(Catalogue, "\"score\": 91.2", "\"score\": 86.93"), "GK0403", Catalogue, 2, 76),
        new("numbering has a gap", i => i.Replace(Catalogue, "\"no\": 2", "\"no\": 3"), "GK0404", Catalogue, 3, 11),
        new("duplicate id", i => i.Replace(Catalogue, "\"id\": \"secret\"", "\"id\": \"park\""), "GK0405", Catalogue, 3, 20),
        new("alias taken by another entry", i => i.Replace(Catalogue, "\"body\": \"park.md\"", "\"body\": \"park.md\", \"aliases\": [\"secret\"]"), "GK0406", Catalogue, 2, 133),
        new("year folder differs from fiscalYear", i => i.Replace(Disclosure, "fiscalYear: 2023", "fiscalYear: 2022"), "GK0407", Disclosure, 3, 13),
        new("published before the fiscal year", i => i.Replace(Disclosure, "publishedYear: 2024", "publishedYear: 2020"), "GK0412", Disclosure, 4, 16),
        new("itemised amounts exceed the total", i => i.Replace(Catalogue, "\"no\": 1,", "\"no\": 1, \"amount\": 200,"), "GK0408", Disclosure, 8, 16, Severity.Warning),
        new("more withheld than reports", i => { File.Delete(Path.Combine(i.Root, Catalogue)); i.Replace(Disclosure, "withheldCount: 1", "withheldCount: 3"); }, "GK0409", Disclosure, 10, 18),
        new("narrative links to a missing page", i => i.Replace(Disclosure, "正文。", "见[报告](/regions/demo/2023/reports/lake/)。"), "GK0410", Disclosure, 15, 2),
        new("narrative links to a withheld report", i => i.Replace(Disclosure, "正文。", "另见[保密](reports/secret/)。"), "GK0410", Disclosure, 15, 3),
        new("report body image missing", i => i.Write("regions/demo/2023/reports/park.md", "## 评价结果\n\n![现场照片](photo.jpg)\n"), "GK0411", "regions/demo/2023/reports/park.md", 3, 1),

        // Markdown that could publish hidden text or script
        new("HTML comment in the narrative", i => i.Replace(Disclosure, "正文。", "正文<!-- 内部备注 -->。"), "GK0504", Disclosure, 15, 3, Severity.Warning),
        new("HTML tag in the narrative", i => i.Replace(Disclosure, "正文。", "正文<span onclick=\"x()\">点</span>。"), "GK0500", Disclosure, 15, 3),
        new("HTML block in a report body", i => i.Write("regions/demo/2023/reports/park.md", "## 评价结果\n\n<script>alert(1)</script>\n"), "GK0500", "regions/demo/2023/reports/park.md", 3, 1),
        new("javascript link", i => i.Replace(Disclosure, "正文。", "[点此](javascript:alert(1))"), "GK0501", Disclosure, 15, 1),
        new("bare ftp link in a report body", i => i.Write("regions/demo/2023/reports/park.md", "## 评价结果\n\n资料见 ftp://files.example.gov.cn/a.pdf\n"), "GK0501", "regions/demo/2023/reports/park.md", 3, 5),
        new("malformed redaction block", i => i.Replace(Disclosure, "正文。", ":::redacted{reason=涉密}\n内容\n:::"), "GK0502", Disclosure, 15, 1),
        new("unclosed redaction block", i => i.Replace(Disclosure, "正文。", ":::redacted{reason=\"涉密\"}\n内容"), "GK0503", Disclosure, 15, 1),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>The case names, for xunit.</summary>
    public static TheoryData<string> Names => [.. Cases.Keys];

    private static byte[] Gb18030(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }
}
