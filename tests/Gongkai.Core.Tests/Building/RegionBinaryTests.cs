using System.Collections;
using System.Reflection;
using Gongkai.Building;
using Gongkai.Model;

namespace Gongkai.Tests.Building;

/// <summary>
/// A region's checked model stored in the build cache reads back field for field. The region written has a value in
/// every field, so a field added to the model fails here until it is set below and stored.
/// </summary>
public sealed class RegionBinaryTests
{
    internal static Region Full() => new(
        "karamay", "克拉玛依市", "地州", "xinjiang", "摘要",
        [
            new Disclosure("karamay", 2023, "第七部分：预算绩效管理工作情况", 2023, 2024, "克拉玛依市财政局", "克财〔2024〕1号", "2024-06-30",
                "目录", "目录说明",
                new Evaluation(12, [new CategoryCount(Category.All[1], 5), new CategoryCount(Category.All[6], 7)], 1234.50m, 10, 2),
                [new Indicator("预算执行率", 40.75m, "%", "上半年", 50.0m, "时间过半、预算执行过半", "说明")],
                [new Revision("2024-07-01", "更正金额")],
                "## 一、正文\n\n说明。\n",
                [
                    new CatalogueEntry(1, "research-fund", "科研经费绩效评价报告", Category.All[2], 100.00m, "含追加", 92.5m, Grade.Excellent,
                        ReportStatus.Published, "不适用", new KeptBody("regions/karamay/2023/reports/research-fund.md", 2), "https://example.org/r",
                        [new Attachment("regions/karamay/2023/reports/table.pdf", "/input/regions/karamay/2023/reports/table.pdf")],
                        ["old-research-fund"], [new Revision("2024-08-01", "补充附件")]),
                ],
                "regions/karamay/2023/disclosure.md"),
        ],
        ["kelamayi"]);

    // The passages cut from each body, as the build counts them (by input path).
    internal static readonly Dictionary<string, int> Passages = new() { ["regions/karamay/2023/reports/research-fund.md"] = 2 };

    [Fact]
    public void A_region_reads_back_as_it_was_written()
    {
        var region = Full();
        var bytes = new MemoryStream();
        RegionBinary.Write(new BinaryWriter(bytes), region, Passages);
        bytes.Position = 0;
        var read = RegionBinary.Read(new BinaryReader(bytes));

        Assert.Equal(bytes.Length, bytes.Position);
        AssertSame(region, read, "region");
    }

    [Fact]
    public void The_region_written_has_a_value_in_every_field()
    {
        AssertEveryFieldSet(Full(), "region");
    }

    [Fact]
    public void Absent_values_read_back_absent()
    {
        var entry = new CatalogueEntry(2, "withheld-1", null, null, null, null, null, null, ReportStatus.Withheld, "涉密", null, null, [], [], []);
        var disclosure = Full().Disclosures[0] with { DocumentNo = null, Date = null, Entries = null, Evaluation = Full().Disclosures[0].Evaluation with { ByCategory = null } };
        var region = Full() with { Parent = null, Summary = null, Disclosures = [disclosure, disclosure with { Year = 2022, Entries = [entry] }] };
        var bytes = new MemoryStream();
        RegionBinary.Write(new BinaryWriter(bytes), region, Passages);
        bytes.Position = 0;

        AssertSame(region, RegionBinary.Read(new BinaryReader(bytes)), "region");
    }

    // Field by field through records and lists; a decimal keeps its scale (100.00 is written as 100.00, not 100).
    private static void AssertSame(object? expected, object? actual, string path)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual}");
                return;
            case string or int or bool or Enum:
                Assert.True(expected.Equals(actual), $"{path}: expected {expected}, got {actual}");
                return;
            case decimal d:
                Assert.True(actual is decimal a && d == a && d.Scale == a.Scale, $"{path}: expected {d}, got {actual}");
                return;
            case IEnumerable list:
                var expectedItems = list.Cast<object?>().ToList();
                var actualItems = Assert.IsAssignableFrom<IEnumerable>(actual).Cast<object?>().ToList();
                Assert.True(expectedItems.Count == actualItems.Count, $"{path}: expected {expectedItems.Count} items, got {actualItems.Count}");
                for (var i = 0; i < expectedItems.Count; i++)
                {
                    AssertSame(expectedItems[i], actualItems[i], $"{path}[{i}]");
                }

                return;
            default:
                Assert.True(actual is not null && expected.GetType() == actual.GetType(), $"{path}: expected a {expected.GetType().Name}, got {actual}");
                foreach (var property in Properties(expected))
                {
                    AssertSame(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
                }

                return;
        }
    }

    private static void AssertEveryFieldSet(object? value, string path)
    {
        switch (value)
        {
            case null:
                Assert.Fail($"{path} is null: give it a value, so that the round trip shows it is stored");
                return;
            case string or int or bool or decimal or Enum:
                return;
            case IEnumerable list:
                Assert.True(list.Cast<object?>().Any(), $"{path} is empty: give it an item");
                var i = 0;
                foreach (var item in list)
                {
                    AssertEveryFieldSet(item, $"{path}[{i++}]");
                }

                return;
            default:
                foreach (var property in Properties(value))
                {
                    AssertEveryFieldSet(property.GetValue(value), $"{path}.{property.Name}");
                }

                return;
        }
    }

    // A record's own data: its properties with a setter (a computed one such as Attachment.FileName has none); the
    // compiler's EqualityContract is not data.
    private static IEnumerable<PropertyInfo> Properties(object value) =>
        value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null);

    [Fact]
    public void The_checks_notice_a_decimal_of_another_scale_and_a_field_without_value()
    {
        var region = Full();
        var changed = region with { Disclosures = [region.Disclosures[0] with { Entries = [region.Disclosures[0].Entries![0] with { Amount = 100.0m }] }] };

        Assert.ThrowsAny<Exception>(() => AssertSame(region, changed, "region"));
        Assert.ThrowsAny<Exception>(() => AssertEveryFieldSet(region with { Summary = null }, "region"));
    }
}
