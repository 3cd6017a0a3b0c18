using Gongkai.Input;
using Gongkai.Model;

namespace Gongkai.Validation.Audits;

/// <summary>GK0408 (warning): the itemised amounts do not exceed the declared total. The figures stay in the check's output, never on the site.</summary>
public sealed class AmountSumAudit : DisclosureAudit
{
    /// <inheritdoc />
    protected override void Check(Disclosure disclosure, SourceMap sources, DiagnosticBag diagnostics)
    {
        var sum = (disclosure.Entries ?? []).Sum(e => e.Amount ?? 0m);
        var total = disclosure.Evaluation.TotalAmount;
        if (sum > total)
        {
            diagnostics.Warning("GK0408", sources.Of(disclosure.Evaluation, "totalAmount"),
                $"the itemised amounts add up to {sum} 万元, more than totalAmount {total} 万元",
                "amounts are in 万元: 1.34亿元 is 13400", "evaluation.totalAmount");
        }
    }
}
