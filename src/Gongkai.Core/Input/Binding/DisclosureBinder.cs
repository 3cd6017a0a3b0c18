using Gongkai.Input.Tree;
using Gongkai.Model;
using Gongkai.Validation;

namespace Gongkai.Input.Binding;

/// <summary>Binds the front matter of <c>disclosure.md</c>.</summary>
public static class DisclosureBinder
{
    /// <summary>The disclosure without its catalogue, or null when required fields are missing.</summary>
    public static Disclosure? Bind(InputNode root, string body, string regionSlug, int year, string file, DiagnosticBag diagnostics)
    {
        if (root is not InputMap map)
        {
            diagnostics.Error("GK0101", root.Location, $"front matter must be a mapping of fields, got {root.Describe()}");
            return null;
        }

        var f = new Fields(map, diagnostics);
        f.RejectUnknown("title", "fiscalYear", "publishedYear", "publisher", "documentNo", "date", "catalogueTitle", "catalogueNote", "evaluation");
        var title = f.String("title", required: true);
        var fiscalYear = f.Int("fiscalYear", required: true, min: 1949, max: 2999);
        var publishedYear = f.Int("publishedYear", required: true, min: 1949, max: 2999);
        var publisher = f.String("publisher", required: true);
        var documentNo = f.String("documentNo");
        var date = f.String("date");
        var catalogueTitle = f.String("catalogueTitle");
        var catalogueNote = f.String("catalogueNote");
        var evaluationMap = f.Object("evaluation", required: true);
        var evaluation = evaluationMap is null ? null : BindEvaluation(evaluationMap, diagnostics);

        if (title is null || fiscalYear is null || publishedYear is null || publisher is null || evaluation is null)
        {
            return null;
        }

        return new Disclosure(regionSlug, year, title, fiscalYear.Value, publishedYear.Value, publisher, documentNo, date,
            catalogueTitle, catalogueNote, evaluation, body, Entries: null, file);
    }

    private static Evaluation? BindEvaluation(InputMap map, DiagnosticBag diagnostics)
    {
        var f = new Fields(map, diagnostics);
        f.RejectUnknown("objectCount", "byCategory", "totalAmount", "reportCount", "withheldCount");
        var objectCount = f.Int("objectCount", required: true);
        var totalAmount = f.Decimal("totalAmount", required: true);
        var reportCount = f.Int("reportCount", required: true);
        var withheldCount = f.Int("withheldCount", required: true);
        var byCategoryMap = f.Object("byCategory");
        var byCategory = byCategoryMap is null ? null : BindByCategory(byCategoryMap, diagnostics);

        return objectCount is null || totalAmount is null || reportCount is null || withheldCount is null
            ? null
            : new Evaluation(objectCount.Value, byCategory, totalAmount.Value, reportCount.Value, withheldCount.Value);
    }

    private static List<CategoryCount> BindByCategory(InputMap map, DiagnosticBag diagnostics)
    {
        var f = new Fields(map, diagnostics);
        f.RejectUnknown([.. Category.All.Select(c => c.Id)]);
        var counts = new List<CategoryCount>();
        foreach (var category in Category.All)
        {
            if (f.Int(category.Id) is { } count)
            {
                counts.Add(new CategoryCount(category, count));
            }
        }

        return counts;
    }
}
