namespace Gongkai.Tests.Support;

/// <summary>A small valid input tree in a temp folder (one region, one disclosure, two catalogue entries) for tests to break.</summary>
public sealed class MinimalInput : IDisposable
{
    public const string DisclosureFile = "regions/demo/2023/disclosure.md";
    public const string CatalogueFile = "regions/demo/2023/reports.json";

    private readonly TempFolder _temp = new();

    /// <summary>Writes the valid tree.</summary>
    public MinimalInput()
    {
        Write("site.json", """{ "title": "测试站点" }""");
        Write("regions/demo/region.json", """{ "name": "示例市", "level": "市" }""");
        Write(DisclosureFile, """
            ---
            title: 预算绩效管理工作情况
            fiscalYear: 2023
            publishedYear: 2024
            publisher: 示例市财政局
            evaluation:
              objectCount: 2
              totalAmount: 100.5
              reportCount: 2
              withheldCount: 1
            ---

            ## 一、说明

            正文。
            """);
        Write(CatalogueFile, """
            [
              { "no": 1, "id": "park", "title": "公园项目绩效评价报告", "score": 91.2, "grade": "优", "status": "published", "body": "park.md" },
              { "no": 2, "id": "secret", "title": "保密项目", "status": "withheld", "withheldReason": "涉及涉密及敏感信息" }
            ]
            """);
        Write("regions/demo/2023/reports/park.md", "## 评价结果\n\n得分 91.2 分。\n");
    }

    /// <summary>The input folder.</summary>
    public string Root => _temp["input"];

    /// <summary>Writes (or overwrites) a file under the input folder.</summary>
    public void Write(string relative, string text) => _temp.Write(Path.Combine("input", relative), text);

    /// <summary>Writes raw bytes under the input folder.</summary>
    public void WriteBytes(string relative, byte[] bytes) => File.WriteAllBytes(Path.Combine(Root, relative), bytes);

    /// <summary>Replaces text in a file under the input folder; fails if the text is not there.</summary>
    public void Replace(string relative, string from, string to)
    {
        var path = Path.Combine(Root, relative);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <inheritdoc />
    public void Dispose() => _temp.Dispose();
}
