namespace Gongkai.Model;

/// <summary>
/// One evaluated report as the office records it, confidential fields included.
/// Only the publication step decides which of these fields may be shown. <see cref="Aliases"/> are former ids whose
/// addresses redirect to the entry's page; <see cref="Revisions"/> its change history.
/// </summary>
public sealed record CatalogueEntry(
    int No,
    string Id,
    string? Title,
    Category? Category,
    decimal? Amount,
    string? AmountNote,
    decimal? Score,
    Grade? Grade,
    ReportStatus Status,
    string? WithheldReason,
    ReportBody? Body,
    string? Url,
    IReadOnlyList<Attachment> Attachments,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<Revision> Revisions);

/// <summary>A report's markdown body, read from a file under <c>reports/</c>.</summary>
public sealed record ReportBody(string RelativePath, string Markdown);

/// <summary>A file under <c>reports/</c> to copy beside the report's page; <see cref="FullPath"/> is where it is read from.</summary>
public sealed record Attachment(string RelativePath, string FullPath)
{
    /// <summary>The file name shown and used in the output.</summary>
    public string FileName => Path.GetFileName(RelativePath);
}
