namespace Gongkai.Data;

/// <summary>CSV as spreadsheet programs read Chinese: a BOM first, CRLF line ends, fields quoted only when they must be.</summary>
public static class CsvText
{
    /// <summary>The byte order mark that makes Excel read the file as UTF-8.</summary>
    public const string Bom = "\uFEFF";

    /// <summary>One CSV line (without its line end) of the given fields; null is an empty field.</summary>
    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field));

    private static string Field(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
