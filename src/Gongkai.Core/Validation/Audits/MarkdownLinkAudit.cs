using Gongkai.Input;
using Gongkai.Markdown;
using Gongkai.Model;
using Gongkai.Pages;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Gongkai.Validation.Audits;

/// <summary>
/// GK0410, GK0411: links in narratives and report bodies that point into the site lead to a page or file the site
/// will have, and local images exist. A link to a withheld report fails, since that report has no page.
/// </summary>
public sealed class MarkdownLinkAudit : IAudit
{
    /// <inheritdoc />
    public void Check(Site site, SourceMap sources, DiagnosticBag diagnostics)
    {
        var targets = SiteTargets(site);
        foreach (var region in site.Regions)
        {
            foreach (var d in region.Disclosures)
            {
                CheckMarkdown(d.Body, Permalinks.Disclosure(d.RegionSlug, d.Year), sources.Of(d, "body"), targets, diagnostics);
                foreach (var entry in d.Entries ?? [])
                {
                    if (entry is { Status: ReportStatus.Published, Body: { } body })
                    {
                        CheckMarkdown(body.Markdown, Permalinks.Report(d.RegionSlug, d.Year, entry.Id), sources.Of(body), targets, diagnostics);
                    }
                }
            }
        }
    }

    private static HashSet<string> SiteTargets(Site site)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal) { Permalinks.Home };
        foreach (var region in site.Regions)
        {
            targets.Add(Permalinks.Region(region.Slug));
            foreach (var d in region.Disclosures)
            {
                targets.Add(Permalinks.Disclosure(d.RegionSlug, d.Year));
                targets.Add(Permalinks.DisclosureData(d.RegionSlug, d.Year));
                foreach (var entry in (d.Entries ?? []).Where(e => e.Status == ReportStatus.Published))
                {
                    var page = Permalinks.Report(d.RegionSlug, d.Year, entry.Id);
                    targets.Add(page);
                    targets.UnionWith(entry.Attachments.Select(a => page + a.FileName));
                }
            }
        }

        return targets;
    }

    private static void CheckMarkdown(string markdown, string pagePath, SourceLocation bodyStart, HashSet<string> targets, DiagnosticBag diagnostics)
    {
        var document = Markdig.Markdown.Parse(markdown, SiteMarkdown.Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is not { Length: > 0 } url || IsExternal(url) || url.StartsWith('#'))
            {
                continue;
            }

            var target = Resolve(pagePath, url);
            if (targets.Contains(target) || targets.Contains(target + "/") || (target.EndsWith("index.html", StringComparison.Ordinal) && targets.Contains(target[..^"index.html".Length])))
            {
                continue;
            }

            var at = new SourceLocation(bodyStart.File, bodyStart.Line + link.Line, link.Column + 1);
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
    }

    private static bool IsExternal(string url) =>
        url.Contains(':', StringComparison.Ordinal) || url.StartsWith("//", StringComparison.Ordinal);

    private static string Resolve(string pagePath, string url)
    {
        var resolved = new Uri(new Uri("https://site.invalid/" + pagePath), url).AbsolutePath;
        return Uri.UnescapeDataString(resolved.TrimStart('/'));
    }
}
