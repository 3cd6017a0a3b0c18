using System.Text;
using Gongkai.Markdown;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Gongkai.Publication;

/// <summary>Markdown cleared for publication and how many redacted passages it had.</summary>
public sealed record RedactedMarkdown(string Markdown, int Passages);

/// <summary>
/// Clears markdown for publication: the text inside <c>:::redacted</c> blocks and all raw HTML (comments included)
/// are cut out of the markdown itself, so later steps never hold them; an empty redaction block stays to show the note.
/// </summary>
public static class PassageRedactor
{
    /// <summary>The markdown without redacted text or raw HTML.</summary>
    public static RedactedMarkdown Redact(string markdown)
    {
        // Raw HTML starts with '<' and a redaction block with ":::": text with neither has nothing to cut, and most
        // report bodies have neither, so they need no parse.
        if (!markdown.Contains('<', StringComparison.Ordinal) && !markdown.Contains(":::", StringComparison.Ordinal))
        {
            return new RedactedMarkdown(markdown, 0);
        }

        var document = SiteMarkdown.Default.Parse(markdown);
        var cuts = new List<(int Start, int End, string Replacement)>();
        var passages = 0;
        foreach (var block in document.Descendants<RedactedBlock>())
        {
            passages++;
            var indent = new string(' ', block.Column);
            var reason = (block.Reason ?? "").Replace("\"", "", StringComparison.Ordinal);
            cuts.Add((block.Span.Start, block.Span.End, $":::redacted{{reason=\"{reason}\"}}\n{indent}:::"));
        }

        cuts.AddRange(document.Descendants<HtmlBlock>().Select(b => (b.Span.Start, b.Span.End, "")));
        cuts.AddRange(document.Descendants<HtmlInline>().Select(i => (i.Span.Start, i.Span.End, "")));
        if (cuts.Count == 0)
        {
            return new RedactedMarkdown(markdown, 0);
        }

        var result = new StringBuilder(markdown);
        foreach (var (start, end, replacement) in cuts.OrderByDescending(c => c.Start))
        {
            var last = Math.Min(end, markdown.Length - 1);
            result.Remove(start, last - start + 1).Insert(start, replacement);
        }

        return new RedactedMarkdown(result.ToString(), passages);
    }
}
