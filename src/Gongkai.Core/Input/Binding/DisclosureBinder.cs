using Gongkai.Input.Tree;
using Gongkai.Model;
using Gongkai.Validation;

namespace Gongkai.Input.Binding;

/// <summary>Binds the front matter of <c>disclosure.md</c>.</summary>
public static class DisclosureBinder
{
    /// <summary>The fields a disclosure's front matter may have.</summary>
    public static readonly string[] Known =
        ["title", "fiscalYear", "publishedYear", "publisher", "documentNo", "date", "catalogueTitle", "catalogueNote", "evaluation", "indicators", "revisions"];

    /// <summary>The fields of an item of <c>indicators</c>.</summary>
    public static readonly string[] IndicatorKnown = ["label", "value", "unit", "period", "target", "targetNote", "note"];

    /// <summary>The fields of the <c>evaluation</c> block.</summary>
    public static readonly string[] EvaluationKnown = ["objectCount", "byCategory", "totalAmount", "reportCount", "withheldCount"];

    /// <summary>The disclosure with its catalogue (null: not itemised), or null when required fields are missing.</summary>
    public static Disclosure? Bind(InputNode root, FrontMatter parts, string regionSlug, int year, string file,
        IReadOnlyList<CatalogueEntry>? entries, SourceMap sources, DiagnosticBag diagnostics)
    {
        if (Fields.OfRoot(root, "front matter", Known, diagnostics) is not { } f)
        {
            return null;
        }

        var title = f.String("title", required: true);
        var fiscalYear = f.Int("fiscalYear", required: true, min: 1949, max: 2999);
        var publishedYear = f.Int("publishedYear", required: true, min: 1949, max: 2999);
        var publisher = f.String("publisher", required: true);
        var documentNo = f.String("documentNo");
        var date = f.Date("date");
        var catalogueTitle = f.String("catalogueTitle");
        var catalogueNote = f.String("catalogueNote");
        var evaluationMap = f.Object("evaluation", required: true);
        var evaluation = evaluationMap is null ? null : BindEvaluation(evaluationMap, sources, diagnostics);
        var indicators = f.List("indicators") is { } list ? BindIndicators(list, diagnostics) : [];
        var revisions = f.List("revisions") is { } revisionList ? RevisionBinder.Bind(revisionList, "revisions", diagnostics) : [];

        if (title is null || fiscalYear is null || publishedYear is null || publisher is null || evaluation is null)
        {
            return null;
        }

        var disclosure = new Disclosure(regionSlug, year, title, fiscalYear.Value, publishedYear.Value, publisher, documentNo, date,
            catalogueTitle, catalogueNote, evaluation, indicators, revisions, parts.Body, entries, file);
        sources.Record(disclosure, f.Map);
        sources.Record(disclosure, "body", new SourceLocation(file, parts.BodyFirstLine, 1));
        return disclosure;
    }

    private static Evaluation? BindEvaluation(InputMap map, SourceMap sources, DiagnosticBag diagnostics)
    {
        var f = new Fields(map, diagnostics, "evaluation");
        f.RejectUnknown(EvaluationKnown);
        var objectCount = f.Int("objectCount", required: true);
        var totalAmount = f.Decimal("totalAmount", required: true);
        var reportCount = f.Int("reportCount", required: true);
        var withheldCount = f.Int("withheldCount", required: true);
        var byCategoryMap = f.Object("byCategory");
        var byCategory = byCategoryMap is null ? null : BindByCategory(byCategoryMap, diagnostics);

        if (objectCount is null || totalAmount is null || reportCount is null || withheldCount is null)
        {
            return null;
        }

        var evaluation = new Evaluation(objectCount.Value, byCategory, totalAmount.Value, reportCount.Value, withheldCount.Value);
        sources.Record(evaluation, map);
        return evaluation;
    }

    private static List<Indicator> BindIndicators(InputList list, DiagnosticBag diagnostics)
    {
        var indicators = new List<Indicator>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is not InputMap map)
            {
                diagnostics.Error("GK0101", list.Items[i].Location, $"an indicator must be a mapping of fields, got {list.Items[i].Describe()}", null, $"indicators[{i}]");
                continue;
            }

            var f = new Fields(map, diagnostics, $"indicators[{i}]");
            f.RejectUnknown(IndicatorKnown);
            var label = f.String("label", required: true);
            var value = f.Decimal("value", required: true, min: decimal.MinValue);
            var unit = f.String("unit", required: true);
            var period = f.String("period");
            var target = f.Decimal("target", min: decimal.MinValue);
            var targetNote = f.String("targetNote");
            var note = f.String("note");
            if (label is not null && value is not null && unit is not null)
            {
                indicators.Add(new Indicator(label, value.Value, unit, period, target, targetNote, note));
            }
        }

        return indicators;
    }

    private static List<CategoryCount> BindByCategory(InputMap map, DiagnosticBag diagnostics)
    {
        var f = new Fields(map, diagnostics, "evaluation.byCategory");
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
