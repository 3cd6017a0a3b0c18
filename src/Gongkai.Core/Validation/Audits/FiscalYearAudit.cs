using Gongkai.Input;
using Gongkai.Model;

namespace Gongkai.Validation.Audits;

/// <summary>GK0407: the year folder is the fiscal year the disclosure evaluates.</summary>
public sealed class FiscalYearAudit : DisclosureAudit
{
    /// <inheritdoc />
    protected override void Check(Disclosure disclosure, SourceMap sources, DiagnosticBag diagnostics)
    {
        if (disclosure.FiscalYear != disclosure.Year)
        {
            diagnostics.Error("GK0407", sources.Of(disclosure, "fiscalYear"),
                $"fiscalYear is {disclosure.FiscalYear} but the folder is named {disclosure.Year}",
                "the folder is named after the fiscal year evaluated; rename one of them", "fiscalYear");
        }

        if (disclosure.PublishedYear < disclosure.FiscalYear)
        {
            diagnostics.Error("GK0412", sources.Of(disclosure, "publishedYear"),
                $"publishedYear {disclosure.PublishedYear} is before fiscalYear {disclosure.FiscalYear}", null, "publishedYear");
        }
    }
}
