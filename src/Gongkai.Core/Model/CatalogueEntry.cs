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

/// <summary>A report's body: the markdown file under <c>reports/</c> it comes from.</summary>
public abstract record ReportBody(string RelativePath);

/// <summary>A body as read: its markdown.</summary>
public sealed record MarkdownBody(string RelativePath, string Markdown) : ReportBody(RelativePath);

/// <summary>
/// A body a rebuild did not read again: its region's files are as the last build found them, so its page is kept as
/// that build wrote it. <see cref="Passages"/> is how many passages that build cut from it.
/// </summary>
public sealed record KeptBody(string RelativePath, int Passages) : ReportBody(RelativePath);

/// <summary>A file under <c>reports/</c> to copy beside the report's page; <see cref="FullPath"/> is where it is read from.</summary>
public sealed record Attachment(string RelativePath, string FullPath)
{
    /// <summary>The file name shown and used in the output.</summary>
    public string FileName => Path.GetFileName(RelativePath);
}
