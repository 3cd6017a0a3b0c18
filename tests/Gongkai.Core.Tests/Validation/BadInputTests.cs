using Gongkai.Tests.Support;
using Gongkai.Validation;

namespace Gongkai.Tests.Validation;

public sealed class BadInputTests
{
    [Fact]
    public void The_corpus_has_at_least_40_cases_and_tests_exactly_the_documented_codes()
    {
        Assert.True(BadInputCorpus.Cases.Count >= 40, $"{BadInputCorpus.Cases.Count} cases");
        var documented = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Path.Combine(Repo.Root, "docs", "input-format.md")), @"\| (GK\d{4}) \|")
            .Select(m => m.Groups[1].Value).Where(c => c != "GK0001").ToHashSet();
        var tested = BadInputCorpus.Cases.Values.Select(c => c.Code).ToHashSet();
        Assert.Empty(documented.Except(tested));
        Assert.Empty(tested.Except(documented));
    }

    [Theory]
    [MemberData(nameof(BadInputCorpus.Names), MemberType = typeof(BadInputCorpus))]
    public void Each_bad_input_gives_its_diagnostic_at_the_right_place(string name)
    {
        var @case = BadInputCorpus.Cases[name];
        using var input = new MinimalInput();
        @case.Patch(input);

        var result = SiteValidator.Validate(input.Root);

        var expected = new SourceLocation(@case.File, @case.Line, @case.Column);
        Assert.True(result.Diagnostics.Any(d => d.Code == @case.Code && d.Location == expected && d.Severity == @case.Severity),
            $"expected {@case.Severity} {@case.Code} at {expected}; got:\n{string.Join("\n", result.Diagnostics)}");
        Assert.Equal(@case.Severity == Severity.Warning, result.IsValid);
    }
}
