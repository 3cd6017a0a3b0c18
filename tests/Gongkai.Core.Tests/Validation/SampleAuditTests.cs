using Gongkai.Tests.Support;
using Gongkai.Validation;

namespace Gongkai.Tests.Validation;

/// <summary>The sample input is clean, and the audits verify the seeds' arithmetic: change one figure and the right audit trips.</summary>
public sealed class SampleAuditTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_sample_input_has_no_errors_and_no_warnings() =>
        Assert.Empty(SiteValidator.Validate(Repo.Input).Diagnostics);

    [Theory]
    [InlineData("regions/karamay/2023/disclosure.md", "objectCount: 10", "objectCount: 11", "GK0400")]
    [InlineData("regions/bayingolin/2024/disclosure.md", "government-procurement: 2", "government-procurement: 3", "GK0400")]
    [InlineData("regions/bayingolin/2024/disclosure.md", "reportCount: 11", "reportCount: 12", "GK0401")]
    [InlineData("regions/kashi-edz/2024/disclosure.md", "withheldCount: 5", "withheldCount: 4", "GK0402")]
    [InlineData("regions/karamay/2023/reports.json", "\"score\": 90.35", "\"score\": 89.35", "GK0403")]
    [InlineData("regions/karamay/2023/disclosure.md", "totalAmount: 238100", "totalAmount: 2381", "GK0408")]
    [InlineData("regions/zhundong/2021/disclosure.md", "withheldCount: 0", "withheldCount: 6", "GK0409")]
    public void Changing_one_seed_figure_trips_the_right_audit(string file, string from, string to, string code)
    {
        var input = _temp.CopyTree(Repo.Input, "input");
        var path = Path.Combine(input, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));

        var diagnostics = SiteValidator.Validate(input).Diagnostics;

        var d = Assert.Single(diagnostics);
        Assert.Equal(code, d.Code);
        Assert.Equal(file, d.Location.File);
        Assert.True(d.Location.Line > 0);
    }
}
