using Markdig.Syntax.Inlines;

namespace Gongkai.Markdown;

/// <summary>The text characters at the edges of inlines, looking through emphasis and links.</summary>
internal static class InlineText
{
    /// <summary>The last character the inline renders as text, or '\0'.</summary>
    public static char LastChar(Inline? inline) => inline switch
    {
        LiteralInline literal when !literal.Content.IsEmpty => literal.Content.Text[literal.Content.End],
        CodeInline code when code.Content.Length > 0 => code.Content[^1],
        ContainerInline container => LastChar(container.LastChild),
        _ => '\0',
    };

    /// <summary>The first character the inline renders as text, or '\0'.</summary>
    public static char FirstChar(Inline? inline) => inline switch
    {
        LiteralInline literal when !literal.Content.IsEmpty => literal.Content.Text[literal.Content.Start],
        CodeInline code when code.Content.Length > 0 => code.Content[0],
        ContainerInline container => FirstChar(container.FirstChild),
        _ => '\0',
    };
}
