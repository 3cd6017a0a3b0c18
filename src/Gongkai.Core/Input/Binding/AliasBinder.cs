using Gongkai.Input.Tree;
using Gongkai.Validation;

namespace Gongkai.Input.Binding;

/// <summary>Binds an <c>aliases</c> list: former URL-safe names (ids or region slugs) whose addresses redirect to the current page.</summary>
public static class AliasBinder
{
    /// <summary>The aliases; items that are not URL-safe strings are left out (and reported). <paramref name="what"/> names what they were ("id", "slug").</summary>
    public static IReadOnlyList<string> Bind(InputList list, string what, DiagnosticBag diagnostics)
    {
        var aliases = new List<string>();
        foreach (var item in list.Items)
        {
            if (item is InputScalar { Kind: ScalarKind.String } s && Slugs.IsValid(s.Text))
            {
                aliases.Add(s.Text);
            }
            else
            {
                diagnostics.Error("GK0301", item.Location, $"an alias must be a former {what} (URL-safe), got {item.Describe()}", Slugs.Rule);
            }
        }

        return aliases;
    }
}
