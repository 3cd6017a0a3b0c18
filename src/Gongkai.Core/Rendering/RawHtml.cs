namespace Gongkai.Rendering;

/// <summary>HTML that templates write as it is (rendered markdown, partials); every other value is escaped.</summary>
public sealed record RawHtml(string Html)
{
    /// <inheritdoc />
    public override string ToString() => Html;
}
