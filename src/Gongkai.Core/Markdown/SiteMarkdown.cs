using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace Gongkai.Markdown;

/// <summary>The one Markdig pipeline of the site, built once and shared by all threads (Markdig pipelines are thread-safe).</summary>
public static class SiteMarkdown
{
    /// <summary>The shared pipeline: CJK emphasis and line breaks, Chinese heading ids, pipe tables, footnotes, autolinks; raw HTML is not passed through.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseCjkFriendlyEmphasis()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseFootnotes()
        .UseAutoLinks()
        .Use<CjkAutoLinkExtension>()
        .Use<CjkLineBreakExtension>()
        .DisableHtml()
        .Build();

    /// <summary>Renders markdown to an HTML fragment.</summary>
    public static string ToHtml(string markdown) => Markdig.Markdown.ToHtml(markdown, Pipeline);
}
