using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace Gongkai.Markdown;

/// <summary>
/// Drops a soft line break between two wide CJK characters, as CSS Text's segment-break rules do, so hard-wrapped
/// Chinese source (e.g. text pasted from a PDF) does not show stray spaces mid-sentence. Other soft breaks are kept.
/// </summary>
public sealed class CjkLineBreakExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.ReplaceOrAdd<LineBreakInlineRenderer>(new CjkLineBreakRenderer());
        }
    }

    /// <summary>True when the soft break sits between two wide characters and should vanish.</summary>
    public static bool Joins(LineBreakInline lineBreak) =>
        !lineBreak.IsHard &&
        Cjk.IsWide(InlineText.LastChar(lineBreak.PreviousSibling)) &&
        Cjk.IsWide(InlineText.FirstChar(lineBreak.NextSibling));

    private sealed class CjkLineBreakRenderer : LineBreakInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, LineBreakInline obj)
        {
            if (!Joins(obj))
            {
                base.Write(renderer, obj);
            }
        }
    }
}
