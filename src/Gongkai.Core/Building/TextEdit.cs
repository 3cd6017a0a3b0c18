using Gongkai.Input;
using Gongkai.Input.Binding;
using Gongkai.Model;
using Gongkai.Pages;
using Gongkai.Publication;
using Gongkai.Validation;
using Gongkai.Validation.Audits;

namespace Gongkai.Building;

/// <summary>
/// A rebuild after an edit to the text of report bodies alone, the commonest edit there is: the input has the same files
/// as at the last build, and each file that changed is the body of a published report in a region model the last build
/// left in the cache (a withheld report's body is never read, so an edit to it is built the usual way). Then only those regions' models are read (<see cref="Site"/> holds them, with the new bodies), only the
/// changed bodies are read and checked, and only the pages of the published ones are made again (<see cref="Pages"/>);
/// every other file, and what the stamp says the site-wide and region files were made from, stay the last build's. On
/// 10,000 reports, reading the other 99 regions' models, checking and publishing the site and making the keys of what
/// its site-wide and region files are made from took 15 of the 75 ms of such a rebuild.
/// </summary>
/// <remarks>
/// Found only while nothing else can have changed: the changed texts check without any diagnostic (those are reported
/// by the full check, in place), link nowhere within the site (checking that needs every region's pages) and have as
/// many passages cut as before (the counts are shown site-wide). Otherwise <see cref="Find"/> gives null, and the build
/// reads and checks its input as usual. The bodies go through <see cref="Publisher"/> like any other.
/// </remarks>
internal sealed record TextEdit(Site Site, PublicSite Published, IReadOnlySet<string> Pages, IReadOnlySet<string> Bodies)
{
    /// <summary>
    /// The text edit that leads from the last build (<paramref name="rules"/>) to <paramref name="input"/> (hashed against
    /// that build's record, so its <see cref="InputFiles.Changed"/> are the files edited since), with the regions' models
    /// from <paramref name="models"/>; null when the change is anything else.
    /// </summary>
    public static TextEdit? Find(KeepRules rules, BuildKeys keys, InputFiles input, RegionModels models, string inputRoot, string? baseUrl)
    {
        // The same files as at the last build, some with new bytes.
        var last = rules.Last;
        if (input.Stats.Count != last.Inputs.Count || input.Unknown > 0)
        {
            return null;
        }

        var changed = input.Changed.ToHashSet(StringComparer.Ordinal);
        var slugs = changed.Select(BuildKeys.ScopeOf).Distinct().ToList();
        var diagnostics = new DiagnosticBag();
        var reader = new InputReader(inputRoot, diagnostics, input);
        if (changed.Count == 0 || slugs.Contains(null) || reader.ReadSiteInfo() is not { } info)
        {
            return null;
        }

        // Stored under the key of the region's files at the last build; the bodies in them are their paths alone.
        var stored = keys with { Scopes = last.Scopes };
        var regions = models.Load(slugs.Select(s => BuildKeys.SlugOf(s!)).ToDictionary(slug => slug, slug => stored.OfRegion(slug, inputRoot)));
        // The pages of each body, by input path (only a published report's body is ever read); a text that is the body of
        // two reports is left to the usual way.
        var bodies = (from r in regions.Values
                      from d in r.Disclosures
                      from e in d.Entries ?? []
                      where e.Body is not null
                      select (e.Body!.RelativePath, Page: Permalinks.Report(d.RegionSlug, d.Year, e.Id)))
            .ToLookup(b => b.RelativePath, b => b.Page, StringComparer.Ordinal);
        if (regions.Count != slugs.Count || !changed.All(path => bodies[path].Count() == 1))
        {
            return null;
        }

        var read = new Dictionary<string, MarkdownBody>(StringComparer.Ordinal);
        var linksWithin = false;
        var noTargets = new Lazy<IReadOnlySet<string>>(() =>
        {
            linksWithin = true;
            return new HashSet<string>();
        });
        foreach (var path in changed)
        {
            if (reader.ReadBody(path) is not { } body)
            {
                return null;
            }

            read[path] = body;
            MarkdownAudit.Check(body.Markdown, bodies[path].Single(), reader.Sources.Of(body), noTargets, diagnostics);
        }

        if (linksWithin || diagnostics.Sorted().Count > 0)
        {
            return null;
        }

        if (baseUrl is not null)
        {
            info = info with { BaseUrl = SiteInfoBinder.NormaliseBaseUrl(baseUrl) };
        }

        var site = new Site(info, [.. regions.Values.OrderBy(r => r.Slug, StringComparer.Ordinal).Select(r => WithBodies(r, read))]);
        var published = Publisher.Publish(site);
        var passages = SiteBuilder.BodyPassages(site, published);
        if (changed.Any(path => passages.GetValueOrDefault(path) != last.Passages.GetValueOrDefault(path)))
        {
            return null;
        }

        var pages = changed.Select(path => Permalinks.FileOf(bodies[path].Single())).ToHashSet(StringComparer.Ordinal);
        return new TextEdit(site, published, pages, changed);
    }

    private static Region WithBodies(Region region, Dictionary<string, MarkdownBody> read) => region with
    {
        Disclosures = [.. region.Disclosures.Select(d => d.Entries is null ? d : d with
        {
            Entries = [.. d.Entries.Select(e => e.Body is { } body && read.TryGetValue(body.RelativePath, out var text) ? e with { Body = text } : e)],
        })],
    };
}
