using System.Text;
using Gongkai.Model;
using Gongkai.Publication;
using Gongkai.Rendering;

namespace Gongkai.Data;

/// <summary>A catalogue entry's public fields with its region and year: one row of the open-data exports.</summary>
public sealed record ReportRow(
    string Region,
    string RegionName,
    int FiscalYear,
    int No,
    string Status,
    string? Id,
    string? Title,
    string? Category,
    string? CategoryLabel,
    decimal? Amount,
    string? AmountNote,
    decimal? Score,
    string? Grade,
    string? WithheldReason,
    string? Page,
    string? Url);

/// <summary>The open-data exports of catalogue entries: JSON and CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese).</summary>
public static class ReportTable
{
    private static readonly string[] Columns =
        ["region", "regionName", "fiscalYear", "no", "status", "id", "title", "category", "categoryLabel", "amount", "amountNote", "score", "grade", "withheldReason", "page", "url"];

    /// <summary>The rows of one disclosure, in catalogue order; <paramref name="page"/> gives a published entry's page link.</summary>
    public static IEnumerable<ReportRow> Rows(PublicRegion region, PublicDisclosure d, Func<PublicEntry, string> page) =>
        (d.Entries ?? []).Select(e => new ReportRow(region.Slug, region.Name, d.FiscalYear, e.No, e.IsPublished ? "published" : "withheld",
            e.Id, e.Title, e.Category?.Id, e.Category?.Label, e.Amount, e.AmountNote, e.Score, e.Grade?.Label(), e.WithheldReason,
            e.IsPublished ? page(e) : null, e.Url));

    /// <summary>The rows as CSV with a header row, BOM first, CRLF line ends.</summary>
    public static string Csv(IEnumerable<ReportRow> rows)
    {
        var csv = new StringBuilder("\uFEFF").AppendJoin(',', Columns).Append("\r\n");
        foreach (var r in rows)
        {
            string?[] fields =
            [
                r.Region, r.RegionName, r.FiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture), r.No.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Status, r.Id, r.Title, r.Category, r.CategoryLabel, r.Amount is { } a ? Formats.Number(a) : null, r.AmountNote,
                r.Score is { } s ? Formats.Number(s) : null, r.Grade, r.WithheldReason, r.Page, r.Url,
            ];
            csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Field(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
