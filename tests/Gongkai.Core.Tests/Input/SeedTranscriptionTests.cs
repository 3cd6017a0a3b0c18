using Gongkai.Input;
using Gongkai.Tests.Support;
using Gongkai.Validation;

namespace Gongkai.Tests.Input;

/// <summary>Checks the sample input against the seed texts themselves: every line of narrative is in the markdown.</summary>
public sealed class SeedTranscriptionTests
{
    public static TheoryData<string, string> Seeds => new()
    {
        { "000_7c9d64e1ae60f7a8.txt", "kashi-edz" },
        { "001_aa86dda08dd2b56d.txt", "bayingolin" },
        { "003_474714e119fbe7a7.txt", "karamay" },
        { "004_1f6517bd6226eeb8.txt", "zhundong" },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_narrative_line_of_the_seed_is_in_the_input(string seedFile, string region)
    {
        var seedPath = Path.Combine(Repo.Root, "..", "shared", "seeds", seedFile);
        Assert.True(File.Exists(seedPath), $"seed {seedPath} is missing");
        var site = new InputReader(Repo.Input, new DiagnosticBag()).Read()!;
        var d = site.Regions.Single(r => r.Slug == region).Disclosures[0];
        var transcribed = Normalise(string.Join("", d.Title, d.CatalogueTitle, d.DocumentNo, d.Publisher, d.Body));

        var missing = NarrativeLines(File.ReadAllLines(seedPath))
            .Where(line => !transcribed.Contains(Normalise(line), StringComparison.Ordinal))
            .ToList();

        Assert.Empty(missing);
    }

    // The catalogue block (from "目录" to the next section) is checked entry by entry elsewhere; the rest is narrative.
    private static IEnumerable<string> NarrativeLines(string[] lines)
    {
        var inCatalogue = false;
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (line == "目录")
            {
                inCatalogue = true;
            }
            else if (line.StartsWith("二、", StringComparison.Ordinal))
            {
                inCatalogue = false;
            }

            if (!inCatalogue)
            {
                yield return line;
            }
        }
    }

    private static string Normalise(string? text) =>
        new((text ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '#' and not '*').ToArray());
}
