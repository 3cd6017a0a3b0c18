using System.Text;

namespace Gongkai.Data;

/// <summary>CSV as spreadsheet programs read Chinese: a BOM first, CRLF line ends, fields quoted only when they must be.</summary>
public static class CsvText
{
    /// <summary>The byte order mark that makes Excel read the file as UTF-8.</summary>
    public const string Bom = "\uFEFF";

    /// <summary>
    /// Appends one CSV line of the given fields with its line end; null is an empty field. Written field by field into
    /// the file's text: a string per line and per quoted field was most of what the open-data files allocated.
    /// </summary>
    public static StringBuilder AppendCsvLine(this StringBuilder csv, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var value in fields)
        {
            if (!first)
            {
                csv.Append(',');
            }

            first = false;
            if (value is null)
            {
                continue;
            }

            if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
            {
                csv.Append(value);
                continue;
            }

            csv.Append('"');
            foreach (var c in value)
            {
                // A quote inside a quoted field is doubled.
                if (c == '"')
                {
                    csv.Append('"');
                }

                csv.Append(c);
            }

            csv.Append('"');
        }

        return csv.Append("\r\n");
    }
}
