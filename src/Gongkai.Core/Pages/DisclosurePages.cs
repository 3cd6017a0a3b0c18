using Gongkai.Pipelines;
using Gongkai.Publication;
using Gongkai.Rendering;
using Scriban.Runtime;

namespace Gongkai.Pages;

/// <summary>A page for each disclosure: key figures, narrative (the document's markdown) and catalogue.</summary>
public static class DisclosurePages
{
    /// <summary>One document per disclosure.</summary>
    public static IEnumerable<Document> Create(PublicSite site, PageModel pages)
    {
        foreach (var region in site.Regions)
        {
            foreach (var d in region.Disclosures)
            {
                var rows = d.Entries?.Select(e => new CatalogueRow(e, e.IsPublished ? pages.Links.Href(Permalinks.Report(d, e)) : null)).ToList();
                var values = new ScriptObject
                {
                    ["region"] = region,
                    ["disclosure"] = d,
                    ["rows"] = rows,
                    ["published_count"] = d.Evaluation.ReportCount - d.Evaluation.WithheldCount,
                    ["data_href"] = pages.Links.Href(Permalinks.DisclosureData(d)),
                };
                var title = $"{region.Name} {d.FiscalYear} 年度 {d.Title}";
                var e = d.Evaluation;
                var description = $"{region.Name} {d.FiscalYear} 年度重点绩效评价：评价对象 {e.ObjectCount} 个，评价资金 {Formats.Money(e.TotalAmount)}，评价报告 {e.ReportCount} 份，其中 {e.WithheldCount} 份不予公开。";
                yield return pages.Page(Permalinks.Disclosure(d), "disclosure", title, description, pages.DisclosureTrail(region, d), values,
                    d.Body, $"regions/{region.Slug}/{d.Year}/disclosure.md");
            }
        }
    }
}
