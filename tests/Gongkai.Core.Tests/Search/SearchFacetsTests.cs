using Gongkai.Publication;
using Gongkai.Rendering;
using Gongkai.Search;
using Gongkai.Tests.Support;
using Gongkai.Validation;

namespace Gongkai.Tests.Search;

public sealed class SearchFacetsTests : IDisposable
{
    private readonly MinimalInput _input = new();

    public void Dispose() => _input.Dispose();

    private static UiStrings Strings => UiStrings.Load(Path.Combine(Repo.Theme, "i18n", "zh-CN.json"));

    private PublicSite Site()
    {
        _input.Write("site.json", """
            { "title": "测试站点", "synonyms": { "医保": ["医疗保险"], "住建局": ["住房和城乡建设局"], "发改委": ["发展和改革委员会"] } }
            """);
        var site = SiteValidator.Validate(_input.Root).Site;
        Assert.NotNull(site);
        return Publisher.Publish(site);
    }

    [Fact]
    public void A_report_page_learns_the_abbreviations_of_full_terms_its_title_or_body_uses_but_not_those_it_uses_itself()
    {
        // 医疗保险 in the body, 住房和城乡建设局 in the title; the body also says 发改委 itself, so that one needs no help.
        _input.Replace(MinimalInput.CatalogueFile, "公园项目绩效评价报告", "住房和城乡建设局公园项目绩效评价报告");
        _input.Write("regions/demo/2023/reports/park.md", "## 评价结果\n\n医疗保险基金。发展和改革委员会（发改委）审定。\n");
        var site = Site();
        var (region, d) = (site.Regions[0], site.Regions[0].Disclosures[0]);

        var facets = SearchFacets.ForReport(region, d, d.Published.Single(), site.Info, Strings);

        Assert.Equal(["住建局", "医保"], facets.Terms.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_disclosure_page_learns_them_from_its_narrative_and_its_reports_titles()
    {
        _input.Replace(MinimalInput.DisclosureFile, "正文。", "医疗保险正文。");
        _input.Replace(MinimalInput.CatalogueFile, "公园项目绩效评价报告", "住房和城乡建设局公园项目绩效评价报告");
        var site = Site();
        var (region, d) = (site.Regions[0], site.Regions[0].Disclosures[0]);

        var facets = SearchFacets.ForDisclosure(region, d, d.Title, site.Info, Strings);

        Assert.Equal(["住建局", "医保"], facets.Terms.Order(StringComparer.Ordinal));
    }
}
