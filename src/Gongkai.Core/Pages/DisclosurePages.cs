using Gongkai.Charts;
using Gongkai.Data;
using Gongkai.Pipelines;
using Gongkai.Publication;
using Gongkai.Rendering;
using Gongkai.Search;
using Scriban.Runtime;

namespace Gongkai.Pages;

/// <summary>A page for each disclosure: key figures, narrative (the document's markdown) and catalogue.</summary>
public static class DisclosurePages
{
    /// <summary>The reason every withheld entry shares (for the catalogue's summary line), or empty.</summary>
    public static string CommonReason(PublicDisclosure d)
    {
        var reasons = (d.Entries ?? []).Where(e => !e.IsPublished).Select(e => e.WithheldReason).Distinct().ToList();
        return reasons is [{ } reason] ? reason : "";
    }

    /// <summary>One document per disclosure.</summary>
    public static IEnumerable<Document> Create(PublicSite site, PageModel pages, Func<PublicDisclosure, IReadOnlyList<ChartSpec>> charts) =>
        from region in site.Regions
        from d in region.Disclosures
        let source = $"regions/{region.Slug}/{d.Year}/disclosure.md"
        select PageModel.Later(Permalinks.Disclosure(d), source, () => Page(site, pages, charts, region, d, source));

    private static Document Page(PublicSite site, PageModel pages, Func<PublicDisclosure, IReadOnlyList<ChartSpec>> charts,
        PublicRegion region, PublicDisclosure d, string source)
    {
        var dataHref = pages.Links.Href(Permalinks.DisclosureData(d));
        var csvHref = d.IsItemised ? pages.Links.Href(Permalinks.Disclosure(d) + DataPage.DisclosureCsv) : null;
        var rows = d.Entries?.Select(e => new CatalogueRow(e, e.IsPublished ? pages.Links.Href(Permalinks.Report(d, e)) : null)).ToList();
        var values = new ScriptObject
        {
            ["region"] = region,
            ["disclosure"] = d,
            ["rows"] = rows,
            ["published_count"] = d.Evaluation.ReportCount - d.Evaluation.WithheldCount,
            ["withheld_reason"] = CommonReason(d),
            ["data_href"] = dataHref,
            ["csv_href"] = csvHref,
            ["charts"] = ChartView.For(charts(d), Permalinks.Disclosure(d), pages.Links),
        };
        var title = pages.Strings.Format("pages.disclosure_title", region.Name, d.FiscalYear, d.Title);
        var e = d.Evaluation;
        var description = pages.Strings.Format("pages.disclosure_description",
            region.Name, d.FiscalYear, e.ObjectCount, Formats.Money(e.TotalAmount), e.ReportCount, e.WithheldCount);
        values["json_ld"] = new RawHtml(DatasetJsonLd.For(d, site.Info, title, description, pages.Links.Href(Permalinks.Disclosure(d)), dataHref, csvHref));
        return pages.Page(Permalinks.Disclosure(d), "disclosure", title, description, pages.DisclosureTrail(region, d), values,
            d.Body, source, charts(d).Count > 0 ? ChartView.Scripts : null, SearchFacets.ForDisclosure(region, d, title, site.Info, pages.Strings));
    }
}
