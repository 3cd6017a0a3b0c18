using Gongkai.Input;
using Gongkai.Model;

namespace Gongkai.Validation.Audits;

/// <summary>
/// GK0401, GK0402, GK0409: the catalogue holds <c>reportCount</c> entries of which <c>withheldCount</c> are withheld,
/// and no more reports are withheld than exist.
/// </summary>
public sealed class CatalogueCountAudit : DisclosureAudit
{
    /// <inheritdoc />
    protected override void Check(Disclosure disclosure, SourceMap sources, DiagnosticBag diagnostics)
    {
        var e = disclosure.Evaluation;
        if (e.WithheldCount > e.ReportCount)
        {
            diagnostics.Error("GK0409", sources.Of(e, "withheldCount"),
                $"withheldCount {e.WithheldCount} is more than reportCount {e.ReportCount}", null, "evaluation.withheldCount");
        }

        if (disclosure.Entries is not { } entries)
        {
            return;
        }

        if (entries.Count != e.ReportCount)
        {
            diagnostics.Error("GK0401", sources.Of(e, "reportCount"),
                $"reportCount is {e.ReportCount} but reports.json lists {entries.Count} entries",
                "list every report in reports.json, published or withheld", "evaluation.reportCount");
        }

        var withheld = entries.Count(x => x.Status == ReportStatus.Withheld);
        if (withheld != e.WithheldCount)
        {
            diagnostics.Error("GK0402", sources.Of(e, "withheldCount"),
                $"withheldCount is {e.WithheldCount} but reports.json marks {withheld} entries withheld", null, "evaluation.withheldCount");
        }
    }
}
