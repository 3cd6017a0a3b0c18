using System.Buffers;
using System.Runtime.CompilerServices;
using Gongkai.Input;
using Gongkai.Markdown;
using Gongkai.Model;
using Gongkai.Pages;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Gongkai.Validation.Audits;

/// <summary>
/// Checks every narrative and published report body: links into the site lead to a page or file it will have
/// (GK0410; a withheld report has no page), local images exist (GK0411), no raw HTML (GK0500; a comment is removed
/// with warning GK0504) or unsafe link such as
/// <c>javascript:</c> (GK0501), and every <c>:::redacted</c> block is well formed (GK0502) and closed (GK0503).
/// </summary>
public sealed class MarkdownAudit : IAudit
{
    private static readonly ConditionalWeakTable<Site, HashSet<string>> Targets = new();

    // A process that builds again and again (serve) keeps the model of each unchanged region: its targets are the same.
    private static readonly ConditionalWeakTable<Region, string[]> RegionTargets = new();

    // All this audit reports comes from a link or image ('[', or the ':' of an autolinked scheme such as ftp:), raw HTML
    // ('<') or a redaction block (":::"); a bare www. autolink becomes an allowed http: link. Most report bodies have
    // none of these characters and are not parsed.
    private static readonly SearchValues<char> Markers = SearchValues.Create("[<:");

    /// <inheritdoc />
    public void Check(Site site, SourceMap sources, DiagnosticBag diagnostics)
    {
        // Most texts link nowhere within the site: the set is made when one does (on a rebuild, from every region's model).
        var targets = new Lazy<IReadOnlySet<string>>(() => LinkTargets(site));
        var texts = new List<(string Markdown, string PagePath, SourceLocation Start)>();
        // A region kept from the last build was checked then, against the same link targets (see Building.BuildKeys.OfLinkTargets).
        foreach (var d in site.Regions.Where(r => !sources.IsKept(r)).SelectMany(r => r.Disclosures))
        {
            texts.Add((d.Body, Permalinks.Disclosure(d.RegionSlug, d.Year), sources.Of(d, "body")));
            foreach (var entry in d.Entries ?? [])
            {
                // A body kept from the last build was checked then (see KeptBody).
                if (entry is { Status: ReportStatus.Published, Body: MarkdownBody body })
                {
                    texts.Add((body.Markdown, Permalinks.Report(d.RegionSlug, d.Year, entry.Id), sources.Of(body)));
                }
            }
        }

        // Each text is parsed on its own, so on every core; the bag sorts what they report.
        Parallel.ForEach(texts, text => Check(text.Markdown, text.PagePath, text.Start, targets, diagnostics));
    }

    /// <summary>
    /// Every path a link in a text may lead to: the home page and each region's (<see cref="LinkTargets(Region)"/>). Made
    /// once per site: the audit and the build's key of link targets (<see cref="Building.BuildKeys.OfLinkTargets"/>) both ask.
    /// </summary>
    public static IReadOnlySet<string> LinkTargets(Site site) => Targets.GetValue(site, MakeLinkTargets);

    /// <summary>The paths a link may lead to in one region: its pages and the published reports' attachments, in the region's order.</summary>
    public static IReadOnlyList<string> LinkTargets(Region region) => RegionTargets.GetValue(region, MakeLinkTargets);

    private static HashSet<string> MakeLinkTargets(Site site)
    {
        var regions = site.Regions.Select(LinkTargets).ToList();
        var targets = new HashSet<string>(1 + regions.Sum(r => r.Count), StringComparer.Ordinal) { Permalinks.Home };
        regions.ForEach(targets.UnionWith);
        return targets;
    }

    private static string[] MakeLinkTargets(Region region)
    {
        var targets = new List<string> { Permalinks.Region(region.Slug) };
        foreach (var d in region.Disclosures)
        {
            targets.Add(Permalinks.Disclosure(d.RegionSlug, d.Year));
            targets.Add(Permalinks.DisclosureData(d.RegionSlug, d.Year));
            foreach (var entry in (d.Entries ?? []).Where(e => e.Status == ReportStatus.Published))
            {
                var page = Permalinks.Report(d.RegionSlug, d.Year, entry.Id);
                targets.Add(page);
                targets.AddRange(entry.Attachments.Select(a => page + a.FileName));
            }
        }

        return [.. targets];
    }

    /// <summary>
    /// Checks one text, that of the page at <paramref name="pagePath"/> starting at <paramref name="start"/>;
    /// <paramref name="targets"/> is asked for only when the text links within the site.
    /// </summary>
    internal static void Check(string markdown, string pagePath, SourceLocation start, Lazy<IReadOnlySet<string>> targets, DiagnosticBag diagnostics)
    {
        if (markdown.AsSpan().IndexOfAny(Markers) < 0)
        {
            return;
        }

        var document = SiteMarkdown.Default.Parse(markdown);
        SourceLocation At(int line, int column) => new(start.File, start.Line + line, column + 1);

        foreach (var block in document.Descendants<RedactedBlock>())
        {
            if (block.Reason is null)
            {
                diagnostics.Error("GK0502", At(block.Line, block.Column), $"malformed redaction block \"{block.Opening}\"",
                    "open it exactly as :::redacted{reason=\"涉及个人信息\"} with a reason, and close it with a line :::");
            }

            if (!block.IsClosed)
            {
                diagnostics.Error("GK0503", At(block.Line, block.Column), "redaction block is not closed: everything after it would be removed",
                    "end the withheld passage with a line of three colons :::");
            }
        }

        foreach (var html in document.Descendants<HtmlBlock>())
        {
            RawHtml(html.Lines.ToString(), At(html.Line, html.Column), diagnostics);
        }

        foreach (var html in document.Descendants<HtmlInline>())
        {
            RawHtml(html.Tag, At(html.Line, html.Column), diagnostics);
        }

        foreach (var link in document.Descendants<LinkInline>())
        {
            CheckLink(link, pagePath, At(link.Line, link.Column), targets, diagnostics);
        }
    }

    private const string RawHtmlHint = "write markdown only; keep internal notes out of the file or inside :::redacted{reason=\"…\"} … :::";

    // A comment is the usual way offices leave internal notes: it is cut out and only warned about; any other HTML is an error.
    private static void RawHtml(string html, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (html.TrimStart().StartsWith("<!--", StringComparison.Ordinal))
        {
            diagnostics.Warning("GK0504", at, "HTML comment removed: it is not published", RawHtmlHint);
        }
        else
        {
            diagnostics.Error("GK0500", at, $"raw HTML is not allowed: {Excerpt(html)}", RawHtmlHint);
        }
    }

    private static void CheckLink(LinkInline link, string pagePath, SourceLocation at, Lazy<IReadOnlySet<string>> targets, DiagnosticBag diagnostics)
    {
        if (link.Url is not { Length: > 0 } url || url.StartsWith('#'))
        {
            return;
        }

        if (!LinkPolicy.IsAllowed(url))
        {
            diagnostics.Error("GK0501", at, $"link \"{Excerpt(url)}\" is not allowed", "use http(s), mailto or tel links, or paths within the site");
            return;
        }

        if (url.Contains(':', StringComparison.Ordinal) || url.StartsWith("//", StringComparison.Ordinal))
        {
            return;
        }

        var target = Uri.UnescapeDataString(new Uri(new Uri("https://site.invalid/" + pagePath), url).AbsolutePath.TrimStart('/'));
        var paths = targets.Value;
        if (paths.Contains(target) || paths.Contains(target + "/") ||
            (target.EndsWith("index.html", StringComparison.Ordinal) && paths.Contains(target[..^"index.html".Length])))
        {
            return;
        }

        if (link.IsImage)
        {
            diagnostics.Error("GK0411", at, $"image \"{url}\" is not a file of the site",
                "list the image under the report's \"attachments\" and refer to it by its file name");
        }
        else
        {
            diagnostics.Error("GK0410", at, $"link \"{url}\" leads to no page of the site",
                "link to a page such as /regions/<slug>/<year>/ or a published report; withheld reports have no page");
        }
    }

    private static string Excerpt(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 40 ? line : line[..40] + "…";
    }
}
