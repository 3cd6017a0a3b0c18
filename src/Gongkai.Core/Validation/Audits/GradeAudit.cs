using Gongkai.Input;
using Gongkai.Model;

namespace Gongkai.Validation.Audits;

/// <summary>GK0403: a grade written in the input agrees with the score (优 ≥ 90, 良 80–&lt;90, 中 60–&lt;80, 差 &lt; 60).</summary>
public sealed class GradeAudit : DisclosureAudit
{
    /// <inheritdoc />
    protected override void Check(Disclosure disclosure, SourceMap sources, DiagnosticBag diagnostics)
    {
        var entries = disclosure.Entries ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry is { Score: { } score, Grade: { } grade } && Grades.FromScore(score) is var expected && expected != grade)
            {
                diagnostics.Error("GK0403", sources.Of(entry, "grade"),
                    $"grade {grade.Label()} does not match score {score}, which is {expected.Label()}",
                    "优 ≥ 90, 良 80 to under 90, 中 60 to under 80, 差 under 60", $"[{i}].grade");
            }
        }
    }
}
