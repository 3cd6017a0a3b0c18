using System.IO.Compression;
using Gongkai.Building;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Publication;

/// <summary>
/// Confidential means confidential: a site whose withheld entries and redacted passages carry canary strings in every
/// field is built, and every byte of every output file (decompressed where compressed) is scanned for them.
/// </summary>
public sealed class LeakTests : IDisposable
{
    /// <summary>The canaries: each stands in exactly one confidential place.</summary>
    private static readonly string[] Canaries =
    [
        "qzxwithheldtitle", "金丝雀标题", "qzxwithheldid", "7777.77", "qzxamountnote", "12.34", "qzxwithheldurl",
        "qzxwithheldbody", "qzxwithheldbodyfrontmatter", "qzxattachmentname", "qzxattachmentcontent",
        "qzxpublishedfrontmatter", "qzxpublishedcomment", "qzxnestedredaction", "qzxnarrativeredaction", "qzxnarrativecomment",
        "qzxwithheldrevision", "2019-07-17",
    ];

    private readonly MinimalInput _input = new();
    private readonly TempFolder _temp = new();

    public LeakTests()
    {
        _input.Write(MinimalInput.CatalogueFile, """
            [
              { "no": 1, "id": "park", "title": "公园项目绩效评价报告", "score": 91.2, "grade": "优", "status": "published", "body": "park.md" },
              { "no": 2, "id": "qzxwithheldid", "title": "qzxwithheldtitle 金丝雀标题", "category": "fiscal-policy",
                "amount": 7777.77, "amountNote": "qzxamountnote", "score": 12.34, "grade": "差", "url": "https://example.gov.cn/qzxwithheldurl",
                "status": "withheld", "withheldReason": "涉及涉密及敏感信息", "body": "secret.md", "attachments": ["qzxattachmentname.pdf"],
                "revisions": [{ "date": "2019-07-17", "note": "qzxwithheldrevision" }] }
            ]
            """);
        _input.Write("regions/demo/2023/reports/secret.md", "---\ninternal: qzxwithheldbodyfrontmatter\n---\n\nqzxwithheldbody 正文\n");
        _input.Write("regions/demo/2023/reports/qzxattachmentname.pdf", "qzxattachmentcontent");
        _input.Write("regions/demo/2023/reports/park.md", """
            ---
            internal: qzxpublishedfrontmatter
            ---

            ## 评价结果

            得分 91.2 分。<!-- qzxpublishedcomment -->

            > - 整改事项
            >
            >   :::redacted{reason="涉及个人信息"}
            >   qzxnestedredaction
            >   :::

            """);
        _input.Replace(MinimalInput.DisclosureFile, "正文。", """
            正文。

            :::redacted{reason="涉及个人信息"}
            qzxnarrativeredaction

            **qzxnarrativeredaction** 第二段
            :::

            <!--
            qzxnarrativecomment
            -->
            """);
    }

    public void Dispose()
    {
        _input.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task No_confidential_field_or_passage_reaches_any_output_file()
    {
        var output = _temp["out"];
        // An absolute base URL, so the sitemap and canonical links are written and scanned too.
        var result = await SiteBuilder.BuildAsync(new BuildOptions(_input.Root, output, Repo.Theme, BaseUrl: "https://example.gov.cn/"));
        Assert.True(result.Succeeded, result.Error + string.Join("\n", result.Diagnostics));
        Assert.True(File.Exists(Path.Combine(output, "sitemap.xml")));
        Assert.True(File.Exists(Path.Combine(output, "feed.xml")));

        Assert.Empty(CanaryScanner.Find(output, Canaries));

        // The scan reaches into the search index: public text is found there, across Pagefind's word segmentation.
        Assert.Contains(CanaryScanner.Find(output, ["公园项目绩效评价报告"]), hit => hit.StartsWith("pagefind/", StringComparison.Ordinal));

        // The site still says what it withholds, and where.
        var everything = string.Concat(Directory.GetFiles(output, "*.html", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.Contains("涉及涉密及敏感信息", everything);
        Assert.Contains("此处内容不予公开：涉及个人信息", everything);
        Assert.Equal(2, result.Redactions!.Disclosures.Single().RedactedPassages);
        Assert.Equal(1, result.Redactions.Disclosures.Single().WithheldEntries);
    }

    [Fact]
    public void The_scanner_finds_a_canary_in_plain_escaped_and_compressed_files()
    {
        _temp.Write("scan/a.html", "<p>QZXWITHHELDTITLE</p>");
        _temp.Write("scan/b.json", "{ \"t\": \"\\u91d1\\u4e1d\\u96c0\\u6807\\u9898\" }");
        using (var file = File.Create(_temp["scan/c.pf_fragment"]))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
        {
            gzip.Write("qzxnestedredaction"u8);
        }

        _temp.Write("scan/qzxattachmentname.pdf", "x");
        _temp.Write("scan/d.pf_fragment", "金丝雀\u200b标题");

        Assert.Equal(
            ["a.html: qzxwithheldtitle", "b.json: 金丝雀标题", "c.pf_fragment: qzxnestedredaction", "d.pf_fragment: 金丝雀标题", "qzxattachmentname.pdf: qzxattachmentname"],
            CanaryScanner.Find(_temp["scan"], Canaries));
    }
}
