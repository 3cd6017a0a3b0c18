using System.Globalization;
using System.Text;
using Gongkai.Publication;
using Gongkai.Rendering;

namespace Gongkai.Data;

/// <summary>The open-data exports of catalogue entries: JSON and CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese).</summary>
public static class ReportTable
{
    /// <summary>The CSV columns, in order; the data page explains each.</summary>
    public static readonly string[] Columns =
        ["region", "regionName", "fiscalYear", "no", "status", "id", "title", "category", "categoryLabel", "amount", "amountNote", "score", "grade", "withheldReason", "page", "url"];

    /// <summary>The rows of one disclosure with its region and year, in catalogue order; <paramref name="page"/> gives a published entry's page link.</summary>
    public static IEnumerable<EntryData> Rows(PublicRegion region, PublicDisclosure d, Func<PublicEntry, string> page) =>
        (d.Entries ?? []).Select(e => EntryData.From(e, e.IsPublished ? page(e) : null) with
        {
            Region = region.Slug,
            RegionName = region.Name,
            FiscalYear = d.FiscalYear,
        });

    /// <summary>The rows as CSV with a header row, BOM first, CRLF line ends.</summary>
    public static string Csv(IEnumerable<EntryData> rows)
    {
        var csv = new StringBuilder(CsvText.Bom).AppendCsvLine(Columns);
        foreach (var r in rows)
        {
            string?[] fields =
            [
                r.Region, r.RegionName, r.FiscalYear?.ToString(CultureInfo.InvariantCulture), r.No.ToString(CultureInfo.InvariantCulture),
                r.Status, r.Id, r.Title, r.Category, r.CategoryLabel, r.Amount is { } a ? Formats.Number(a) : null, r.AmountNote,
                r.Score is { } s ? Formats.Number(s) : null, r.Grade, r.WithheldReason, r.Page, r.Url,
            ];
            csv.AppendCsvLine(fields);
        }

        return csv.ToString();
    }
}
