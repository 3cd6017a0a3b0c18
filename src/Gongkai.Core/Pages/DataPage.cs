using Gongkai.Data;
using Gongkai.Pipelines;
using Gongkai.Publication;
using Scriban.Runtime;

namespace Gongkai.Pages;

/// <summary>The open-data page: every download, what each column means, and the terms of reuse.</summary>
public static class DataPage
{
    /// <summary>The site-wide downloads, relative to the base URL.</summary>
    public const string AllCsv = "data/all-reports.csv", AllJson = "data/all-reports.json", Redactions = "data/redactions.json";

    /// <summary>The file beside an itemised disclosure's page holding its catalogue as CSV.</summary>
    public const string DisclosureCsv = "reports.csv";

    /// <summary>The page document.</summary>
    public static Document Create(PublicSite site, PageModel pages)
    {
        var title = pages.Strings["data.title"];
        var disclosures =
            from region in site.Regions
            from d in region.Disclosures
            select new
            {
                Title = pages.Strings.Format("pages.disclosure_title", region.Name, d.FiscalYear, d.Title),
                Href = pages.Links.Href(Permalinks.Disclosure(d)),
                Json = pages.Links.Href(Permalinks.DisclosureData(d)),
                Csv = d.IsItemised ? pages.Links.Href(Permalinks.Disclosure(d) + DisclosureCsv) : null,
            };
        var values = new ScriptObject
        {
            ["all_csv"] = pages.Links.Href(AllCsv),
            ["all_json"] = pages.Links.Href(AllJson),
            ["redactions"] = pages.Links.Href(Redactions),
            ["disclosures"] = disclosures.ToList(),
            ["columns"] = ReportTable.Columns.Select(c => new { Name = c, Meaning = pages.Strings["data.columns." + c] }).ToList(),
        };
        return pages.Page(Permalinks.Data, "data", title, pages.Strings["data.description"], pages.SectionTrail(title, Permalinks.Data), values);
    }
}
