using System.Text;
using Gongkai.Data;
using Gongkai.Rendering;

namespace Gongkai.Charts;

/// <summary>A chart's numbers as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese correctly).</summary>
public static class ChartCsv
{
    /// <summary>The CSV text, BOM included: a label column, one column per series, and the note column when there are notes.</summary>
    public static string Render(ChartSpec spec, string labelHeader, string noteHeader)
    {
        var notes = spec.Rows.Any(r => r.Note is not null);
        var csv = new StringBuilder(CsvText.Bom);
        csv.AppendCsvLine(new[] { labelHeader }.Concat(spec.Series.Select(s => $"{s}（{spec.Unit}）")).Concat(notes ? [noteHeader] : []));
        foreach (var row in spec.Rows)
        {
            csv.AppendCsvLine(new[] { row.Label }.Concat(row.Values.Select(Formats.Number)).Concat(notes ? [row.Note ?? ""] : []));
        }

        return csv.ToString();
    }
}
