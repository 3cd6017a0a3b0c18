using Gongkai.Model;
using Gongkai.Publication;
using Gongkai.Rendering;

namespace Gongkai.Search;

/// <summary>A Pagefind filter or metadata value: key and value, as written into <c>data-pagefind-filter</c> / <c>-meta</c>.</summary>
public sealed record SearchField(string Key, string Value);

/// <summary>
/// What the search index learns from a page beyond its text: filters (region, year, category, grade, status, type),
/// result metadata, and abbreviations from the synonyms list whose full term the page uses (医保 for 医疗保险).
/// Only disclosure and report pages are indexed; both carry public data only.
/// </summary>
public sealed record SearchFacets(IReadOnlyList<SearchField> Filters, IReadOnlyList<SearchField> Meta, IReadOnlyList<string> Terms)
{
    /// <summary>The facets of a disclosure page.</summary>
    public static SearchFacets ForDisclosure(PublicRegion region, PublicDisclosure d, string title, SiteInfo site, UiStrings t) => new(
        [Field("region", region.Name), Field("year", Year(d)), Field("type", t["search.type_disclosure"])],
        [Field("title", title), Field("region", region.Name), Field("year", Year(d))],
        Abbreviations([d.Title, d.Body, .. d.Published.Select(e => e.Title ?? "")], site));

    /// <summary>The facets of a published report's page.</summary>
    public static SearchFacets ForReport(PublicRegion region, PublicDisclosure d, PublicEntry e, SiteInfo site, UiStrings t)
    {
        List<SearchField> filters = [Field("region", region.Name), Field("year", Year(d)), Field("type", t["search.type_report"]), Field("status", t["catalogue.published"])];
        List<SearchField> meta = [Field("title", e.Title!), Field("region", region.Name), Field("year", Year(d))];
        if (e.Category is { } category)
        {
            filters.Add(Field("category", category.Label));
        }

        if (e.Grade is { } grade)
        {
            filters.Add(Field("grade", grade.Label()));
            meta.Add(Field("grade", grade.Label()));
        }

        if (e.Score is { } score)
        {
            meta.Add(Field("score", Formats.Number(score)));
        }

        return new SearchFacets(filters, meta, Abbreviations([e.Title!, e.BodyMarkdown ?? ""], site));
    }

    private static string Year(PublicDisclosure d) => d.FiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Pagefind reads "key:value" and separates several with commas, so a value keeps no ASCII comma.
    private static SearchField Field(string key, string value) => new(key, value.Replace(',', '，'));

    // The abbreviations whose full terms the texts use but which they never use themselves. Each text is searched on its
    // own: joined, a report's title and body were a copy of its body for every page.
    private static IReadOnlyList<string> Abbreviations(string[] texts, SiteInfo site) =>
        [.. site.Synonyms
            .Where(s => !Mentions(texts, s.Key) && s.Value.Any(term => Mentions(texts, term)))
            .Select(s => s.Key)];

    private static bool Mentions(string[] texts, string word) => Array.Exists(texts, t => t.Contains(word, StringComparison.Ordinal));
}
