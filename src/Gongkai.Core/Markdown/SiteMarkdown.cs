using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

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

    /// <summary>
    /// Renders markdown to an HTML fragment. Links and images written from the site root (<c>/regions/…</c>) get the
    /// base URL in front, so the same input works when the site is served under a sub-path.
    /// </summary>
    public static string ToHtml(string markdown, string baseUrl = "/")
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        if (baseUrl != "/")
        {
            foreach (var link in document.Descendants<LinkInline>())
            {
                if (link.Url is { } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
                {
                    link.Url = baseUrl + url[1..];
                }
            }
        }

        return document.ToHtml(Pipeline);
    }
}
