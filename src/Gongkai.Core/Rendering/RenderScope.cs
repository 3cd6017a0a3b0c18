using Scriban.Runtime;

namespace Gongkai.Rendering;

/// <summary>
/// The variables of one page as compiled templates see them, in the stores Scriban's interpreter looks through, top
/// first: the page's own (<paramref name="locals"/>: <c>content</c>, assignments, loop variables), its model, the theme's
/// functions and Scriban's built-ins. Values live in these stores alone, so an expression left to Scriban sees them too.
/// </summary>
internal sealed class RenderScope(HtmlTemplateContext context, Utf8Output output, ScriptObject locals, ScriptObject model, ScriptObject functions)
{
    /// <summary>The context pages are written into.</summary>
    public HtmlTemplateContext Context => context;

    /// <summary>The page's bytes, which text of the templates goes into as it is.</summary>
    public Utf8Output Output => output;

    /// <summary>The innermost compiled loops, innermost on top: what <c>for.index</c> and the like read.</summary>
    public Stack<LoopState> Loops { get; } = new();

    /// <summary>A variable as Scriban finds it: in the first store that holds it.</summary>
    public bool TryGet(string name, out object? value) =>
        locals.TryGetValue(name, out value) || model.TryGetValue(name, out value) || functions.TryGetValue(name, out value)
        || context.BuiltinObject.TryGetValue(name, out value);

    /// <summary>Assigns a variable in the page's store, as Scriban does; false when a store holds it read-only (Scriban's error).</summary>
    public bool TrySet(string name, object? value) =>
        locals.CanWrite(name) && model.CanWrite(name) && functions.CanWrite(name) && context.BuiltinObject.CanWrite(name)
        && locals.TrySetValue(context, default, name, value, false);

    /// <summary>What a loop variable is about to hide for the loop's run (<see cref="Restore"/> puts it back).</summary>
    public (bool Held, object? Value) Shadow(string name) => locals.TryGetValue(name, out var value) ? (true, value) : (false, null);

    /// <summary>Puts back what a loop variable hid.</summary>
    public void Restore(string name, (bool Held, object? Value) shadowed)
    {
        if (shadowed.Held)
        {
            locals.SetValue(name, shadowed.Value, false);
        }
        else
        {
            locals.Remove(name);
        }
    }

    /// <summary>Sets a loop variable for one pass of the loop.</summary>
    public void SetLoopVariable(string name, object? value) => locals.SetValue(name, value, false);
}
