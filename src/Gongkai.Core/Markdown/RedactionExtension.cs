using System.Text.RegularExpressions;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Gongkai.Markdown;

/// <summary>
/// The <c>:::redacted{reason="…"}</c> block: removes the enclosed text and shows a redaction note with the reason
/// (never the length of what was removed). Any line starting with <c>:::</c> opens a block, so a malformed opening
/// still removes its text; validation reports malformed and unclosed blocks (GK0502, GK0503).
/// </summary>
/// <param name="noteFormat">The note shown in place of a passage, from the theme's UI strings; <c>{0}</c> is the reason.</param>
public sealed partial class RedactionExtension(string noteFormat) : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<RedactedBlockParser>())
        {
            pipeline.BlockParsers.Insert(0, new RedactedBlockParser());
        }
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<RedactedBlockRenderer>())
        {
            html.ObjectRenderers.Insert(0, new RedactedBlockRenderer(noteFormat));
        }
    }

    /// <summary>Parses an opening line; returns the reason, or null when the line is not exactly <c>:::redacted{reason="…"}</c>.</summary>
    public static string? ParseReason(string opening)
    {
        var match = OpeningPattern().Match(opening.Trim());
        return match.Success ? match.Groups[1].Value.Trim() is { Length: > 0 } reason ? reason : null : null;
    }

    [GeneratedRegex("^:::redacted\\{reason=\"([^\"]*)\"\\}$")]
    private static partial Regex OpeningPattern();

    private sealed class RedactedBlockParser : BlockParser
    {
        public RedactedBlockParser() => OpeningCharacters = [':'];

        public override BlockState TryOpen(BlockProcessor processor)
        {
            if (processor.IsCodeIndent || !processor.Line.Match(":::"))
            {
                return BlockState.None;
            }

            var opening = processor.Line.ToString();
            processor.NewBlocks.Push(new RedactedBlock(this)
            {
                Reason = ParseReason(opening),
                Opening = opening.Trim(),
                Line = processor.LineIndex,
                Column = processor.Column,
                Span = new Markdig.Syntax.SourceSpan(processor.Start, processor.Line.End),
            });
            return BlockState.ContinueDiscard;
        }

        public override BlockState TryContinue(BlockProcessor processor, Markdig.Syntax.Block block)
        {
            var line = processor.Line;
            block.UpdateSpanEnd(line.End);
            if (line.ToString().Trim() == ":::")
            {
                ((RedactedBlock)block).IsClosed = true;
                return BlockState.BreakDiscard;
            }

            return BlockState.ContinueDiscard;
        }
    }

    private sealed class RedactedBlockRenderer(string noteFormat) : HtmlObjectRenderer<RedactedBlock>
    {
        protected override void Write(HtmlRenderer renderer, RedactedBlock block)
        {
            renderer.EnsureLine();
            renderer.Write("<aside class=\"redaction\" role=\"note\"><p>");
            renderer.WriteEscape(string.Format(System.Globalization.CultureInfo.InvariantCulture, noteFormat, block.Reason ?? ""));
            renderer.WriteLine("</p></aside>");
        }
    }
}
