using Gongkai.Input;
using Gongkai.Model;

namespace Gongkai.Validation.Audits;

/// <summary>One consistency check over the whole input model; reports what it finds at the place to fix.</summary>
public interface IAudit
{
    /// <summary>Checks the site and adds diagnostics.</summary>
    void Check(Site site, SourceMap sources, DiagnosticBag diagnostics);
}

/// <summary>An audit that looks at one disclosure at a time.</summary>
public abstract class DisclosureAudit : IAudit
{
    /// <inheritdoc />
    public void Check(Site site, SourceMap sources, DiagnosticBag diagnostics)
    {
        // A region kept from the last build was checked then.
        foreach (var disclosure in site.Regions.Where(r => !sources.IsKept(r)).SelectMany(r => r.Disclosures))
        {
            Check(disclosure, sources, diagnostics);
        }
    }

    /// <summary>Checks one disclosure.</summary>
    protected abstract void Check(Disclosure disclosure, SourceMap sources, DiagnosticBag diagnostics);
}
