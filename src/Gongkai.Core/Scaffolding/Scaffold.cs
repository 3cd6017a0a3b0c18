using System.Globalization;
using Gongkai.Data;
using Gongkai.Input.Binding;

namespace Gongkai.Scaffolding;

/// <summary>A file to create, relative to the input folder.</summary>
public sealed record ScaffoldFile(string Path, string Text);

/// <summary>
/// Starter input files for <c>gongkai new</c>: valid as written (so <c>check</c> passes at once) and commented, so an
/// office can fill them in without the manual open. Writing them is the caller's business.
/// </summary>
public static class Scaffold
{
    /// <summary>The files of a new region, or an error message when the slug cannot be used.</summary>
    public static (IReadOnlyList<ScaffoldFile> Files, string? Error) Region(string slug, string name, string level, string? parent)
    {
        if (!Slugs.IsValid(slug))
        {
            return ([], $"region \"{slug}\" is not URL-safe: {Slugs.Rule}");
        }

        var text = $$"""
            // 地区信息。字段说明见 docs/input-format.md；本文件允许 // 注释。
            {
              // 地区名称，显示在页面上
              "name": {{Json(name)}},
              // 行政层级：自治区、地州、市、县、开发区 …
              "level": {{Json(level)}}{{(parent is null ? "" : $",\n  // 上级地区的代码（regions/ 下的文件夹名）\n  \"parent\": {Json(parent)}")}}
              // 可选：一句话简介，显示在地区页面
              // , "summary": "……"
            }

            """;
        return ([new($"regions/{slug}/region.json", text)], null);
    }

    /// <summary>The files of a new disclosure of <paramref name="region"/> for fiscal year <paramref name="year"/>.</summary>
    public static IReadOnlyList<ScaffoldFile> Disclosure(string region, int year)
    {
        var y = year.ToString(CultureInfo.InvariantCulture);
        var next = (year + 1).ToString(CultureInfo.InvariantCulture);
        var disclosure = $"""
            ---
            # 公开信息的基本情况。字段说明见 docs/input-format.md；“#” 开头的行是注释，不会发布。
            title: 第七部分：预算绩效管理工作情况
            fiscalYear: {y}          # 评价年度，须与文件夹名一致
            publishedYear: {next}       # 公开年度
            publisher: 财政局           # 发布单位，如 克拉玛依市财政局
            # documentNo: 〔{next}〕1号   # 文号（可选）
            # date: {next}-06-30          # 发布日期 YYYY-MM-DD（可选；有日期的公开信息进入更新记录和订阅）
            evaluation:
              objectCount: 0         # 评价对象个数
              # byCategory:          # 各类别的评价对象个数（可选），合计须等于 objectCount
              #   department-overall: 0
              #   other-major: 0
              totalAmount: 0         # 评价金额合计，单位万元（1.34亿元 写作 13400）
              reportCount: 0         # 评价报告份数，须等于 reports.json 的条目数
              withheldCount: 0       # 不予公开的报告份数，须等于 reports.json 中 "withheld" 的条目数
            # indicators:            # 关键指标（可选）
            #   - label: 预算执行率
            #     value: 40.75
            #     unit: "%"
            # revisions:             # 修订记录（可选）
            #   - date: {next}-07-15
            #     note: 更正第 2 号报告得分
            ---

            ## 一、工作开展情况

            在此用 markdown 撰写工作情况说明。需要隐去的段落写在下面这样的块中，块内文字不会发布：

            :::redacted{"{"}reason="涉及涉密及敏感信息"{"}"}
            内部说明……
            :::

            """;
        var reports = """
            // 评价报告目录：每份报告一个条目，按序号排列。本文件允许 // 注释。
            // 公开的报告：
            //   { "no": 1, "id": "sewage-plant", "title": "污水处理厂项目绩效评价报告", "category": "other-major",
            //     "amount": 2177.62, "score": 90.35, "status": "published", "body": "sewage-plant.md" },
            // 不予公开的报告（只发布序号、类别和理由，其余字段不会出现在网站上）：
            //   { "no": 2, "id": "internal-2", "category": "fiscal-policy", "status": "withheld",
            //     "withheldReason": "涉及涉密及敏感信息" }
            // 报告正文放在 reports/ 文件夹中（如 reports/sewage-plant.md）。
            [
            ]

            """;
        return
        [
            new($"regions/{region}/{y}/disclosure.md", disclosure),
            new($"regions/{region}/{y}/reports.json", reports),
        ];
    }

    private static string Json(string text) => DataJson.Serialize(text, DataJson.Options);
}
