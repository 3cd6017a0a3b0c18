using Gongkai.Charts;
using Gongkai.Data;
using Gongkai.Publication;
using Gongkai.Rendering;
using Gongkai.Tests.Support;
using Gongkai.Validation;

namespace Gongkai.Tests.Charts;

public sealed class ChartTests
{
    private static readonly ChartSpec Scores = new("scores", "得分", "分", ["得分"],
    [
        new ChartRow("党校 <迁建>", [94.33m], "#00703c", "优"),
        new ChartRow("未保中心", [83.32m], "#1d70b8", "良"),
    ], Thresholds: [new Threshold(90m, "90")], Max: 100m);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(4, 5)]
    [InlineData(6, 10)]
    [InlineData(6756.05, 10000)]
    [InlineData(238100, 500000)]
    public void The_axis_ends_at_a_round_number(decimal value, decimal expected) =>
        Assert.Equal(expected, SvgChart.NiceMax(value));

    [Fact]
    public void The_svg_escapes_labels_and_shows_value_and_grade_in_text()
    {
        var svg = SvgChart.Render(Scores, "chart-scores");
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg);
        Assert.Contains("aria-labelledby=\"chart-scores-title\"", svg);
        Assert.Contains("党校 &lt;迁建&gt;", svg);
        Assert.Contains(">94.33 优</text>", svg);
        Assert.Contains(">83.32 良</text>", svg);
        Assert.Contains("class=\"threshold\"", svg);
        Assert.DoesNotContain("<迁建>", svg);
    }

    [Fact]
    public void The_chart_js_config_keeps_decimals_exact_and_in_a_stable_order()
    {
        var json = DataJson.Serialize(ChartJsConfig.From(Scores));
        Assert.Contains("\"data\": [\n          94.33,\n          83.32\n        ]", json);
        Assert.True(json.IndexOf("\"type\"", StringComparison.Ordinal) < json.IndexOf("\"data\"", StringComparison.Ordinal));
        Assert.Contains("\"max\": 100", json);
        Assert.Equal(json, DataJson.Serialize(ChartJsConfig.From(Scores)));
    }

    [Fact]
    public void The_csv_quotes_fields_that_need_it()
    {
        var csv = ChartCsv.Render(Scores with { Rows = [new ChartRow("a,b \"c\"", [1.50m])] }, "项目", "说明");
        Assert.Equal("\uFEFF项目,得分（分）\r\n\"a,b \"\"c\"\"\",1.5\r\n", csv);
    }

    [Fact]
    public void A_disclosure_s_chart_names_are_found_without_its_charts_and_are_theirs_in_order()
    {
        // Chart files are named before (and often without) the charts being made: the two must agree.
        var site = Publisher.Publish(SiteValidator.Validate(Repo.Input).Site!);
        var t = UiStrings.Load(Path.Combine(Repo.Theme, "i18n", "zh-CN.json"));
        var disclosures = site.Regions.SelectMany(r => r.Disclosures).ToList();
        foreach (var d in disclosures)
        {
            Assert.Equal(DisclosureCharts.For(d, t).Select(c => c.Name), DisclosureCharts.Names(d));
        }

        Assert.Equal(["amounts", "categories", "grades", "indicators", "scores"], disclosures.SelectMany(DisclosureCharts.Names).Distinct().Order());
        Assert.Contains(disclosures, d => DisclosureCharts.Names(d).Count == 0);
    }
}
