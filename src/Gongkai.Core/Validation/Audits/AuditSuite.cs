using Gongkai.Input;
using Gongkai.Model;

namespace Gongkai.Validation.Audits;

/// <summary>The consistency audits run by <c>check</c> and before every build, in order; add new ones here.</summary>
public static class AuditSuite
{
    /// <summary>All audits.</summary>
    public static IReadOnlyList<IAudit> All { get; } =
    [
        new FiscalYearAudit(),
        new CategorySumAudit(),
        new CatalogueCountAudit(),
        new NumberingAudit(),
        new GradeAudit(),
        new AmountSumAudit(),
        new MarkdownAudit(),
    ];

    /// <summary>Runs every audit over the site.</summary>
    public static void Run(Site site, SourceMap sources, DiagnosticBag diagnostics)
    {
        foreach (var audit in All)
        {
            audit.Check(site, sources, diagnostics);
        }
    }
}
