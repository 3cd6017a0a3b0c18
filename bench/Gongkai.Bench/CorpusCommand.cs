using System.Globalization;
using System.Text;
using Gongkai.Model;

namespace Gongkai.Bench;

/// <summary>
/// Writes a valid input folder of synthetic Chinese disclosures: N regions × Y years × R reports, about 10% withheld,
/// some redacted passages, tables in the narratives. The same seed always gives the same bytes. With <c>--hugo DIR</c>
/// it also writes the same content as a Hugo site (see <see cref="HugoSite"/>), for the speed comparison.
/// </summary>
internal static class CorpusCommand
{
    private static readonly string[] Departments =
        ["财政局", "教育局", "卫生健康委员会", "水利局", "交通运输局", "农业农村局", "民政局", "住房和城乡建设局", "生态环境局", "医疗保障局", "人力资源和社会保障局", "文化体育局"];

    private static readonly string[] Projects =
        ["污水处理厂污水收集系统工程", "城乡居民基本医疗保险财政补助资金", "农村公路养护", "学校校舍维修改造", "高标准农田建设", "儿童福利设施建设",
         "社区养老服务", "就业创业补助资金", "公共文化服务体系建设", "生活垃圾无害化处理", "饮水安全巩固提升", "基层医疗卫生机构设备购置"];

    private static readonly string[] Sentences =
    [
        "为切实推进预算绩效管理工作，加强对财政资金的“跟踪问效”管理，提高财政资金使用效益。",
        "评价组通过数据采集、归纳、分析、问卷调查等方法对项目绩效进行客观评价。",
        "项目实施过程中存在过程资料归档不规范、项目未按计划完成等问题。",
        "建议科学设置绩效目标，落实绩效责任，强化成本效益分析，不断优化支出结果和项目目标实现程度。",
        "资金使用按照合同约定和相关管理制度执行，资金支付执行率达到预期。",
        "通过向受益群体发放调查问卷，获取项目受益方对本项目实施效果的整体满意度。",
        "坚持“花钱必问效，无效必问责”，充分利用财政绩效管理信息系统。",
        "对偏离预定绩效目标或执行进度缓慢项目及时预警、纠正调整、查漏补缺。",
        "项目建设完成后，按照相关规定及时进行竣工结算和竣工决算审计。",
        "严格按照《政府会计制度》的相关要求设置会计科目，及时记账，加强原始单据审核力度。",
    ];

    public static int Run(Args args)
    {
        var regions = args.Int("regions");
        var years = args.Int("years");
        var reports = args.Int("reports");
        var output = args.String("out");
        var hugo = args.String("hugo", "") is { Length: > 0 } h ? new HugoSite(h) : null;
        var random = new Random(args.Int("seed", 20261123));
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        Write(output, "site.json", """{ "title": "预算绩效评价结果公开（基准语料）", "synonyms": { "医保": ["医疗保险"] } }""" + "\n");
        var total = 0;
        for (var r = 1; r <= regions; r++)
        {
            var slug = $"r{r:0000}";
            Write(output, $"regions/{slug}/region.json", $$"""{ "name": "样例{{r}}县", "level": "县" }""" + "\n");
            hugo?.Region(slug, $"样例{r}县");
            for (var y = 0; y < years; y++)
            {
                total += WriteDisclosure(output, slug, r, 2024 - y, reports, random, hugo);
            }
        }

        Console.WriteLine($"wrote {regions * years} disclosures with {total} reports to {Path.GetFullPath(output)}");
        return 0;
    }

    private static int WriteDisclosure(string root, string slug, int region, int year, int count, Random random, HugoSite? hugo)
    {
        var folder = $"regions/{slug}/{year}";
        var hugoEntries = new List<HugoEntry>();
        var entries = new StringBuilder("[\n");
        var byCategory = new int[Category.All.Count];
        var withheld = 0;
        var amounts = 0m;
        for (var no = 1; no <= count; no++)
        {
            var department = Pick(Departments, random);
            var project = Pick(Projects, random);
            var title = $"{year} 年度样例{region}县{department}{project}项目绩效评价报告";
            var category = random.Next(Category.All.Count);
            byCategory[category]++;
            var amount = Math.Round((decimal)(random.NextDouble() * 5000 + 10), 2);
            var score = Math.Round((decimal)(random.NextDouble() * 39 + 60), 2);
            amounts += amount;
            var isWithheld = no % 10 == 7;
            withheld += isWithheld ? 1 : 0;
            var id = $"report-{no:000}";
            var fields = string.Create(CultureInfo.InvariantCulture,
                $"\"no\": {no}, \"id\": \"{id}\", \"title\": \"{title}\", \"category\": \"{Category.All[category].Id}\", \"amount\": {amount}, \"score\": {score}, \"grade\": \"{Grades.FromScore(score).Label()}\"");
            entries.Append(isWithheld
                ? $"  {{ {fields}, \"status\": \"withheld\", \"withheldReason\": \"涉及涉密及敏感信息\" }}"
                : $"  {{ {fields}, \"status\": \"published\", \"body\": \"{id}.md\" }}");
            entries.Append(no < count ? ",\n" : "\n");
            hugoEntries.Add(new HugoEntry(no, id, isWithheld ? null : title, Category.All[category].Label, isWithheld ? null : amount, isWithheld ? null : score));
            if (!isWithheld)
            {
                var body = Body(title, score, random, redacted: no % 13 == 5);
                Write(root, $"{folder}/reports/{id}.md", body);
                hugo?.Report(slug, year, id, title, amount, score, body);
            }
        }

        Write(root, $"{folder}/reports.json", entries.Append("]\n").ToString());
        var categories = string.Join("\n", Category.All.Select((c, i) => $"    {c.Id}: {byCategory[i]}"));
        var front = string.Create(CultureInfo.InvariantCulture, $"""
            ---
            title: 第七部分：预算绩效管理工作情况
            fiscalYear: {year}
            publishedYear: {year + 1}
            publisher: 样例{region}县财政局
            evaluation:
              objectCount: {count}
              byCategory:
            {categories}
              totalAmount: {Math.Ceiling(amounts * 1.2m)}
              reportCount: {count}
              withheldCount: {withheld}
            ---

            ## 一、公开本级重大政策和重点项目绩效执行结果

            {year + 1} 年度，样例{region}县财政对 {year} 年度重点绩效评价共选取 {count} 个评价对象。{withheld} 个项目报告涉及涉密及敏感信息，不予公开。

            ## 二、预算绩效工作开展情况说明

            {Paragraph(random, 6)}

            | 项目 | 数量 |
            |---|---:|
            | 评价对象 | {count} |
            | 不予公开 | {withheld} |

            {Paragraph(random, 5)}

            """);
        Write(root, $"{folder}/disclosure.md", front);
        hugo?.Disclosure(slug, year, front[(front.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..], hugoEntries);
        return count;
    }

    private static string Body(string title, decimal score, Random random, bool redacted)
    {
        var body = new StringBuilder("## 资金使用情况\n\n");
        for (var p = 0; p < 4; p++)
        {
            body.Append(Paragraph(random, 4)).Append("\n\n");
        }

        if (redacted)
        {
            body.Append(":::redacted{reason=\"涉及个人信息\"}\n").Append(Paragraph(random, 2)).Append("\n:::\n\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"## 评价结果\n\n{title}平均分为 {score} 分，绩效评价等级为“{Grades.FromScore(score).Label()}”。\n");
        return body.ToString();
    }

    private static string Paragraph(Random random, int sentences) =>
        string.Concat(Enumerable.Range(0, sentences).Select(_ => Pick(Sentences, random)));

    private static string Pick(string[] items, Random random) => items[random.Next(items.Length)];

    internal static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
