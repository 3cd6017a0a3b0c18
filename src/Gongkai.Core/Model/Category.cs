namespace Gongkai.Model;

/// <summary>An evaluation category: a stable id used in input and URLs, and its Chinese label.</summary>
public sealed record Category(string Id, string Label)
{
    /// <summary>The seven categories of the disclosures, in the order the sources list them.</summary>
    public static IReadOnlyList<Category> All { get; } =
    [
        new("department-overall", "部门（单位）整体评价"),
        new("subordinate-government", "下级政府财政综合运行绩效评价"),
        new("fiscal-policy", "财政政策评价"),
        new("government-procurement", "政府采购项目"),
        new("government-services", "政府购买服务项目"),
        new("special-bond", "专项债券项目"),
        new("other-major", "其他重大项目"),
    ];

    // Looked up for every entry read (10,000 on a large archive, from input or the build cache).
    private static readonly Dictionary<string, Category> ById = All.ToDictionary(c => c.Id, StringComparer.Ordinal);

    /// <summary>The category with this id, or null.</summary>
    public static Category? Find(string id) => ById.GetValueOrDefault(id);
}
