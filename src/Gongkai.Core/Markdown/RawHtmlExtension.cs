using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Gongkai.Markdown;

/// <summary>
/// Raw HTML in office markdown (comments such as <c>&lt;!-- 内部备注 --&gt;</c>, <c>&lt;script&gt;</c>, event handlers)
/// is parsed, so validation can point at it (GK0500), and rendered as nothing, so no hidden text or script is published
/// even if validation were skipped.
/// </summary>
public sealed class RawHtmlExtension : IMarkdownExtension
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
            html.ObjectRenderers.ReplaceOrAdd<HtmlBlockRenderer>(new DropHtmlBlock());
            html.ObjectRenderers.ReplaceOrAdd<HtmlInlineRenderer>(new DropHtmlInline());
        }
    }

    private sealed class DropHtmlBlock : HtmlObjectRenderer<HtmlBlock>
    {
        protected override void Write(HtmlRenderer renderer, HtmlBlock obj)
        {
        }
    }

    private sealed class DropHtmlInline : HtmlObjectRenderer<HtmlInline>
    {
        protected override void Write(HtmlRenderer renderer, HtmlInline obj)
        {
        }
    }
}
