using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Gongkai.Markdown;

/// <summary>
/// The site's Markdig pipeline, built once per build and shared by all threads (Markdig pipelines are thread-safe):
/// CJK emphasis and line breaks, Chinese heading ids, pipe tables, footnotes, autolinks, redacted blocks; raw HTML is dropped.
/// </summary>
public sealed class SiteMarkdown
{
    /// <summary>The redaction note used when no theme provides one.</summary>
    public const string DefaultRedactionNote = "此处内容不予公开：{0}";

    /// <summary>A pipeline with the default note, for parsing (validation) and tests.</summary>
    public static SiteMarkdown Default { get; } = new(DefaultRedactionNote);

    /// <summary>Builds the pipeline; <paramref name="redactionNote"/> is shown for each redacted passage, <c>{0}</c> being the reason.</summary>
    public SiteMarkdown(string redactionNote)
    {
        Pipeline = new MarkdownPipelineBuilder()
            .UseCjkFriendlyEmphasis()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UsePipeTables()
            .UseFootnotes()
            .UseAutoLinks()
            .Use<CjkAutoLinkExtension>()
            .Use<CjkLineBreakExtension>()
            .Use(new RedactionExtension(redactionNote))
            .Use<RawHtmlExtension>()
            .Build();
    }

    /// <summary>The Markdig pipeline.</summary>
    public MarkdownPipeline Pipeline { get; }

    /// <summary>Parses markdown into its syntax tree.</summary>
    public MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    /// <summary>
    /// Renders markdown to an HTML fragment. Links and images written from the site root (<c>/regions/…</c>) get the
    /// base URL in front, so the same input works when the site is served under a sub-path; disallowed links
    /// (<c>javascript:</c> …) lose their target.
    /// </summary>
    public string ToHtml(string markdown, string baseUrl = "/")
    {
        var document = Parse(markdown);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is not { } url)
            {
                continue;
            }

            if (!LinkPolicy.IsAllowed(url))
            {
                link.Url = "";
            }
            else if (baseUrl != "/" && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
            {
                link.Url = baseUrl + url[1..];
            }
        }

        return document.ToHtml(Pipeline);
    }
}
