using Gongkai.Model;

namespace Gongkai.Publication;

/// <summary>
/// What the public may see of a catalogue entry. For a withheld entry only <see cref="No"/>, <see cref="Category"/>,
/// <see cref="Status"/> and <see cref="WithheldReason"/> are set; every other field is null or empty.
/// <see cref="RedactedPassages"/> is how many passages were cut from the body.
/// </summary>
public sealed record PublicEntry(
    int No,
    ReportStatus Status,
    Category? Category,
    string? WithheldReason,
    string? Id,
    string? Title,
    decimal? Amount,
    string? AmountNote,
    decimal? Score,
    Grade? Grade,
    string? BodyMarkdown,
    string? Url,
    IReadOnlyList<Attachment> Attachments,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<Revision> Revisions,
    int RedactedPassages = 0)
{
    /// <summary>True for an entry whose report is published.</summary>
    public bool IsPublished => Status == ReportStatus.Published;
}
