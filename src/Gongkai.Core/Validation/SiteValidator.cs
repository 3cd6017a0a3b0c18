using Gongkai.Input;
using Gongkai.Model;

namespace Gongkai.Validation;

/// <summary>What validating an input folder found: the site when it could be read, and every diagnostic, sorted.</summary>
public sealed record ValidationResult(Site? Site, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when there is no error (warnings allowed).</summary>
    public bool IsValid => Site is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>True when there is no error and, if <paramref name="warningsAsErrors"/>, no warning either.</summary>
    public bool Passes(bool warningsAsErrors) => IsValid && (!warningsAsErrors || Diagnostics.Count == 0);
}

/// <summary>Reads an input folder and runs every audit on it: what <c>gongkai check</c> reports and what <c>build</c> runs first.</summary>
public static class SiteValidator
{
    /// <summary>Validates the input folder; writes nothing.</summary>
    public static ValidationResult Validate(string inputRoot) => Validate(inputRoot, InputFiles.Read(inputRoot));

    /// <summary>
    /// Validates the input folder whose files have been read into <paramref name="files"/>. The bodies and regions
    /// <paramref name="kept"/> names are not read: the last build's warnings about them are reported again.
    /// </summary>
    public static ValidationResult Validate(string inputRoot, InputFiles files, KeptInput? kept = null)
    {
        var diagnostics = new DiagnosticBag();
        var reader = new InputReader(inputRoot, diagnostics, files, kept);
        var site = reader.Read();
        if (site is not null)
        {
            Audits.AuditSuite.Run(site, reader.Sources, diagnostics);
        }

        // The last build's warnings are usually none: the sets to sort them by (9,000 kept bodies on L) are made only for some.
        if (kept is { Warnings.Count: > 0 } && site is not null)
        {
            var keptRegions = site.Regions.Where(reader.Sources.IsKept).Select(r => r.Slug).ToHashSet(StringComparer.Ordinal);
            var keptFiles = site.Regions.SelectMany(r => r.Disclosures).SelectMany(d => d.Entries ?? [])
                .Select(e => e.Body).OfType<KeptBody>().Select(b => b.RelativePath).ToHashSet(StringComparer.Ordinal);
            foreach (var warning in kept.Warnings.Where(w => keptFiles.Contains(w.Location.File) ||
                (w.Location.File.Split('/') is ["regions", var slug, _, ..] && keptRegions.Contains(slug))))
            {
                diagnostics.Add(warning);
            }
        }

        return new ValidationResult(site, diagnostics.Sorted());
    }
}
