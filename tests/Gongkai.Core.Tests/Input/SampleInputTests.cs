using Gongkai.Input;
using Gongkai.Model;
using Gongkai.Tests.Support;
using Gongkai.Validation;

namespace Gongkai.Tests.Input;

public sealed class SampleInputTests
{
    private static readonly Lazy<(Site Site, IReadOnlyList<Diagnostic> Diagnostics)> Loaded = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var site = new InputReader(Repo.Input, diagnostics).Read();
        return (site!, diagnostics.Sorted());
    });

    private static Disclosure Disclosure(string region, int year) =>
        Loaded.Value.Site.Regions.Single(r => r.Slug == region).Disclosures.Single(d => d.FiscalYear == year);

    [Fact]
    public void Sample_input_reads_without_diagnostics()
    {
        Assert.Empty(Loaded.Value.Diagnostics);
        Assert.Equal(["bayingolin", "karamay", "kashi-edz", "zhundong"], Loaded.Value.Site.Regions.Select(r => r.Slug));
    }

    [Theory]
    [MemberData(nameof(SeedFigures.Disclosures), MemberType = typeof(SeedFigures))]
    public void Declared_figures_match_the_seed(string region, int year, int objects, int reports, int withheld, decimal total, int? published, int? withheldRows)
    {
        var d = Disclosure(region, year);
        Assert.Equal(objects, d.Evaluation.ObjectCount);
        Assert.Equal(reports, d.Evaluation.ReportCount);
        Assert.Equal(withheld, d.Evaluation.WithheldCount);
        Assert.Equal(total, d.Evaluation.TotalAmount);
        Assert.Equal(published, d.Entries?.Count(e => e.Status == ReportStatus.Published));
        Assert.Equal(withheldRows, d.Entries?.Count(e => e.Status == ReportStatus.Withheld));
    }

    [Theory]
    [MemberData(nameof(SeedFigures.ByCategory), MemberType = typeof(SeedFigures))]
    public void Category_counts_match_the_seed(string region, string category, int count)
    {
        var d = Loaded.Value.Site.Regions.Single(r => r.Slug == region).Disclosures[0];
        Assert.Equal(count, d.Evaluation.ByCategory!.Single(c => c.Category.Id == category).Count);
    }

    [Theory]
    [MemberData(nameof(SeedFigures.Karamay), MemberType = typeof(SeedFigures))]
    public void Karamay_scores_grades_and_amounts_match_the_seed(int no, decimal score, string grade, decimal? amount)
    {
        var entry = Disclosure("karamay", 2023).Entries!.Single(e => e.No == no);
        Assert.Equal(score, entry.Score);
        Assert.Equal(grade, entry.Grade?.Label());
        Assert.Equal(amount, entry.Amount);
        Assert.Equal(Grades.FromScore(score), entry.Grade);
        Assert.Contains($"{score} 分", Assert.IsType<MarkdownBody>(entry.Body).Markdown);
    }

    [Fact]
    public void Derived_amounts_say_how_they_were_derived()
    {
        var school = Disclosure("karamay", 2023).Entries!.Single(e => e.Id == "party-school-relocation");
        Assert.Equal(6756.05m - 338.43m - 2177.62m, school.Amount);
        Assert.Contains("6756.05", school.AmountNote);
    }

    [Fact]
    public void Bayingolin_titles_are_reassembled_exactly() =>
        Assert.Equal(SeedFigures.BayingolinTitles, Disclosure("bayingolin", 2024).Entries!.Where(e => e.Status == ReportStatus.Published).Select(e => e.Title));

    [Fact]
    public void Zhundong_is_not_itemised_and_says_so()
    {
        var d = Disclosure("zhundong", 2021);
        Assert.Null(d.Entries);
        Assert.Contains("未列出项目名称", d.CatalogueNote);
        Assert.Equal("新准管字〔2021〕102号", d.DocumentNo);
    }

    [Fact]
    public void Every_narrative_section_of_the_seeds_is_in_the_markdown()
    {
        string[] headings =
        [
            "一、公开本级重大政策和重点项目绩效执行结果", "二、预算绩效工作开展情况说明",
        ];
        foreach (var region in new[] { "kashi-edz", "bayingolin", "karamay" })
        {
            var body = Loaded.Value.Site.Regions.Single(r => r.Slug == region).Disclosures[0].Body;
            Assert.All(headings, h => Assert.Contains(h, body));
        }

        var zhundong = Disclosure("zhundong", 2021).Body;
        Assert.All(["一、全面实施预算绩效管理工作情况", "二、取得的成效和存在的不足", "三、2022年工作措施"], h => Assert.Contains(h, zhundong));
    }
}
