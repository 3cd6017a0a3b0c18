using Scriban.Syntax;

namespace Gongkai.Rendering;

/// <summary>
/// Folds the UI strings templates read (<c>t.catalogue.name</c>) into them as literals when the theme is loaded: they are
/// the same on every page of a build, and looking each up through Scriban's scopes, row after catalogue row, was a
/// twentieth of a large build. A literal keeps the expression's place in the file, so errors point where they did.
/// A theme whose templates use <c>t</c> in any other way (a loop variable, an assignment) is left as it is.
/// </summary>
internal sealed class UiStringFolding(UiStrings strings) : ScriptRewriter
{
    private const string Root = "t";

    /// <summary>The templates' pages with the UI strings folded in, or as they are when one of them binds <c>t</c> itself.</summary>
    public static IReadOnlyDictionary<string, ScriptPage> Fold(IReadOnlyDictionary<string, ScriptPage> pages, UiStrings strings)
    {
        if (pages.Values.Any(BindsRoot))
        {
            return pages;
        }

        var folding = new UiStringFolding(strings);
        return pages.ToDictionary(p => p.Key, p => (ScriptPage)folding.Visit(p.Value), StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public override ScriptNode Visit(ScriptMemberExpression node) =>
        Key(node) is { } key && strings.Find(key) is { } text ? new ScriptLiteral(text) { Span = node.Span } : base.Visit(node);

    // "catalogue.name" for t.catalogue.name; null for any other expression.
    private static string? Key(ScriptExpression expression) => expression switch
    {
        ScriptMemberExpression { Target: ScriptVariableGlobal { Name: Root }, Member: ScriptVariable member } => member.Name,
        ScriptMemberExpression { Target: ScriptMemberExpression target, Member: ScriptVariable member } when Key(target) is { } prefix => prefix + "." + member.Name,
        _ => null,
    };

    // True when t appears other than as the start of a member path read (t.x.y), or such a path is assigned to.
    private static bool BindsRoot(ScriptNode node)
    {
        switch (node)
        {
            case ScriptAssignExpression assign when Roots(assign.Target):
                return true;
            case ScriptMemberExpression member when Key(member) is not null:
                return false;
            case ScriptVariable { Name: Root }:
                return true;
        }

        for (var i = 0; i < node.ChildrenCount; i++)
        {
            if (node.GetChildren(i) is { } child && BindsRoot(child))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Roots(ScriptExpression? expression) => expression switch
    {
        ScriptVariable { Name: Root } => true,
        ScriptMemberExpression member => Roots(member.Target),
        ScriptIndexerExpression indexer => Roots(indexer.Target),
        _ => false,
    };
}
