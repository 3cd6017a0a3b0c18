using Gongkai.Pipelines;
using Gongkai.Publication;
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
                yield return pages.Page(Permalinks.Disclosure(d), "disclosure", title, pages.DisclosureTrail(region, d), values,
                    d.Body, $"regions/{region.Slug}/{d.Year}/disclosure.md");
            }
        }
    }
}
