namespace Gongkai.Model;

/// <summary>A dated change to a published disclosure or report (修订记录): what changed, in the office's words.
/// <see cref="Date"/> is <c>YYYY-MM-DD</c>.</summary>
public sealed record Revision(string Date, string Note);
