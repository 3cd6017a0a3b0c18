using Gongkai.Building;
using Gongkai.Input;
using Gongkai.Model;
using Gongkai.Pages;
using Gongkai.Tests.Support;
using Gongkai.Validation;

namespace Gongkai.Tests.Building;

/// <summary>
/// What a rebuild keeps of the last build's files, on the sample's regions: nothing after a site-wide change; a region
/// whose files are unchanged, wholly; a region where only a report's text changed, all but that report's page; site-wide
/// files while what they are made from is the same.
/// </summary>
public sealed class KeepRulesTests
{
    private const string Karamay = "regions/karamay", Bayingolin = "regions/bayingolin";
    private const string Body = "regions/karamay/2023/reports/research-fund.md", SameBody = "regions/karamay/2023/reports/icu-equipment.md";
    private static readonly Site Sample = new InputReader(Repo.Input, new DiagnosticBag()).Read()!;
    private static readonly string[] Scopes = ["regions/bayingolin", Karamay, "regions/kashi-edz", "regions/zhundong"];
    private static readonly string ChangedPage = Permalinks.FileOf(Permalinks.Report("karamay", 2023, "research-fund"));
    private static readonly string SamePage = Permalinks.FileOf(Permalinks.Report("karamay", 2023, "icu-equipment"));

    // The last build: every region at key "1", some of its files (site-wide, karamay's and bayingolin's), data at "d", two
    // report texts (a body without a hash on record counts as changed).
    private static readonly BuildStamp Last = new(
        "full", "site",
        Scopes.ToDictionary(s => s, _ => "1"),
        new Dictionary<string, string?>
        {
            ["index.html"] = null, [ChangedPage] = Karamay, [SamePage] = Karamay, ["regions/karamay/2023/index.html"] = Karamay,
            ["regions/bayingolin/index.html"] = Bayingolin, ["regions/bayingolin/2024/index.html"] = Bayingolin,
        },
        new Dictionary<string, string>(),
        new Dictionary<string, InputStat> { [Body] = new(10, 1, [1]), [SameBody] = new(10, 1, [3]) },
        new Dictionary<string, int>(),
        "links", "site data",
        Scopes.ToDictionary(s => s, _ => "d"));

    // The keys now: karamay's files changed, the others not.
    private static readonly BuildKeys Now = new("full 2", "site", Scopes.ToDictionary(s => s, s => s == Karamay ? "2" : "1"));

    private static KeptFiles Files(string siteData = "site data", string karamayData = "d", byte bodyHash = 2) =>
        KeepRules.From(Last, Now)!.Files(siteData, Scopes.ToDictionary(s => s, s => s == Karamay ? karamayData : "d"), Sample,
            new Dictionary<string, InputStat> { [Body] = new(11, 2, [bodyHash]), [SameBody] = new(10, 5, [3]) });

    [Fact]
    public void Nothing_is_kept_without_a_last_build_or_after_a_site_wide_change()
    {
        Assert.Null(KeepRules.From(null, Now));
        Assert.Null(KeepRules.From(Last, Now with { Site = "another site" }));
    }

    [Fact]
    public void A_region_is_unchanged_when_its_key_is_the_last_builds()
    {
        var rules = KeepRules.From(Last, Now)!;

        Assert.True(rules.RegionUnchanged(Bayingolin));
        Assert.False(rules.RegionUnchanged(Karamay));
        Assert.False(rules.RegionUnchanged(null));
        Assert.False(rules.RegionUnchanged("regions/hami"));
        Assert.Equal(["bayingolin", "kashi-edz", "zhundong"], rules.UnchangedRegions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void When_only_a_reports_text_changed_its_page_alone_is_made_and_unchanged_regions_are_kept_whole()
    {
        var kept = Files();

        Assert.True(kept.Unchanged("index.html", null));
        Assert.False(kept.Unchanged(ChangedPage, Karamay));
        Assert.True(kept.Unchanged(SamePage, Karamay));
        Assert.True(kept.Unchanged("regions/karamay/2023/index.html", Karamay));
        Assert.True(kept.WholeRegion("bayingolin"));
        Assert.False(kept.WholeRegion("karamay"));
        Assert.Equal(["regions/bayingolin/2024/index.html", "regions/bayingolin/index.html"], kept.OfWhole.Select(o => o.Key).Order(StringComparer.Ordinal));
        // A page the last build made from another region than now, or did not make, is made.
        Assert.False(kept.Unchanged(SamePage, Bayingolin));
        Assert.False(kept.Unchanged("regions/karamay/2023/reports/new/index.html", Karamay));
    }

    [Fact]
    public void A_report_text_with_the_hash_the_last_build_read_keeps_its_page()
    {
        Assert.True(Files(bodyHash: 1).Unchanged(ChangedPage, Karamay));
    }

    [Fact]
    public void When_the_site_wide_data_changed_site_wide_files_are_made_and_no_region_is_kept_whole()
    {
        var kept = Files(siteData: "other site data");

        Assert.False(kept.Unchanged("index.html", null));
        Assert.False(kept.WholeRegion("bayingolin"));
        Assert.Empty(kept.OfWhole);
        Assert.True(kept.Unchanged("regions/bayingolin/index.html", Bayingolin));
        Assert.True(kept.Unchanged(SamePage, Karamay));
    }

    [Fact]
    public void A_region_whose_data_changed_keeps_none_of_its_files()
    {
        var kept = Files(karamayData: "other");

        Assert.False(kept.Unchanged(SamePage, Karamay));
        Assert.False(kept.Unchanged("regions/karamay/2023/index.html", Karamay));
        Assert.True(kept.Unchanged("regions/bayingolin/index.html", Bayingolin));
    }
}
