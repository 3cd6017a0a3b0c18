using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Gongkai.Markdown;

/// <summary>
/// Links a bare http(s) URL that follows Chinese text without a space (<c>详见https://…</c>), which Markdig's
/// autolinks skip because they require a space or punctuation before the URL. The URL ends at white space or at
/// the first wide (CJK) character, so <c>https://example.gov.cn。</c> does not swallow the full stop.
/// </summary>
public sealed class CjkAutoLinkExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<CjkAutoLinkParser>())
        {
            pipeline.InlineParsers.Insert(0, new CjkAutoLinkParser());
        }
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private sealed class CjkAutoLinkParser : InlineParser
    {
        private const string TrailingPunctuation = ".,;:!?'\")]}";

        public CjkAutoLinkParser() => OpeningCharacters = ['h'];

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            if (!Cjk.IsWide(slice.PeekCharExtra(-1)))
            {
                return false;
            }

            var text = slice.Text;
            var start = slice.Start;
            var rest = text.AsSpan(start, slice.End - start + 1);
            if (!rest.StartsWith("https://", StringComparison.Ordinal) && !rest.StartsWith("http://", StringComparison.Ordinal))
            {
                return false;
            }

            var end = start;
            while (end <= slice.End && !char.IsWhiteSpace(text[end]) && !Cjk.IsWide(text[end]) && text[end] != '<')
            {
                end++;
            }

            while (end > start && TrailingPunctuation.Contains(text[end - 1], StringComparison.Ordinal))
            {
                end--;
            }

            var url = text[start..end];
            if (url.EndsWith("//", StringComparison.Ordinal))
            {
                return false;
            }

            var span = new SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(end - 1));
            var link = new LinkInline(url, "") { IsAutoLink = true, IsClosed = true, Span = span, Line = line, Column = column };
            link.AppendChild(new LiteralInline(url) { Span = span, Line = line, Column = column });
            processor.Inline = link;
            slice.Start = end;
            return true;
        }
    }
}
