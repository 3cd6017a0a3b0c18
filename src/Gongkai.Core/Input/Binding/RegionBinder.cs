using Gongkai.Input.Tree;
using Gongkai.Validation;

namespace Gongkai.Input.Binding;

/// <summary>The fields of a <c>region.json</c>, before its disclosures are attached.</summary>
public sealed record RegionFields(string Name, string Level, string? Parent, string? Summary, SourceLocation ParentLocation, IReadOnlyList<string> Aliases);

/// <summary>Binds <c>regions/&lt;slug&gt;/region.json</c>.</summary>
public static class RegionBinder
{
    /// <summary>The fields region.json may have.</summary>
    public static readonly string[] Known = ["name", "level", "parent", "summary", "aliases"];

    /// <summary>The region's own fields, or null when required ones are missing.</summary>
    public static RegionFields? Bind(InputNode root, DiagnosticBag diagnostics)
    {
        if (Fields.OfRoot(root, "region.json", Known, diagnostics) is not { } f)
        {
            return null;
        }

        var name = f.String("name", required: true);
        var level = f.String("level", required: true);
        var parent = f.String("parent");
        var summary = f.String("summary");
        var parentAt = f.LocationOf("parent");
        var aliases = f.List("aliases") is { } list ? AliasBinder.Bind(list, "slug", diagnostics) : [];
        return name is null || level is null ? null : new RegionFields(name, level, parent, summary, parentAt, aliases);
    }
}
