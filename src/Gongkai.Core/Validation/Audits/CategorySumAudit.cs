using Gongkai.Input;
using Gongkai.Model;

namespace Gongkai.Validation.Audits;

/// <summary>GK0400: the counts by category add up to <c>objectCount</c>.</summary>
public sealed class CategorySumAudit : DisclosureAudit
{
    /// <inheritdoc />
    protected override void Check(Disclosure disclosure, SourceMap sources, DiagnosticBag diagnostics)
    {
        var e = disclosure.Evaluation;
        if (e.ByCategory is null)
        {
            return;
        }

        var sum = e.ByCategory.Sum(c => c.Count);
        if (sum != e.ObjectCount)
        {
            diagnostics.Error("GK0400", sources.Of(e, "byCategory"),
                $"byCategory adds up to {sum} but objectCount is {e.ObjectCount}",
                "the counts per category must add up to the number of evaluation objects", "evaluation.byCategory");
        }
    }
}
