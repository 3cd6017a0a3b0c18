namespace Gongkai.Model;

/// <summary>The declared figures of a disclosure's key evaluations; amounts in 万元.</summary>
public sealed record Evaluation(
    int ObjectCount,
    IReadOnlyList<CategoryCount>? ByCategory,
    decimal TotalAmount,
    int ReportCount,
    int WithheldCount);

/// <summary>How many evaluation objects a category had.</summary>
public sealed record CategoryCount(Category Category, int Count);
