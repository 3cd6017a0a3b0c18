using System.Globalization;
using Scriban;
using Scriban.Runtime;
using Scriban.Parsing;

namespace Gongkai.Rendering;

/// <summary>
/// A Scriban context that HTML-escapes every value a template writes unless it is <see cref="RawHtml"/> or an
/// <see cref="IHtmlFragment"/>, so a template cannot forget to escape input text. Formats numbers with the invariant culture.
/// </summary>
public sealed class HtmlTemplateContext : TemplateContext
{
    /// <summary>
    /// A context with strict variables (a typo in a template is an error, not an empty string), and Scriban's built-in
    /// functions, or, when the templates read none of them, <paramref name="builtins"/> in their place.
    /// </summary>
    public HtmlTemplateContext(ScriptObject? builtins = null)
        : base(builtins)
    {
        StrictVariables = true;
        // Scriban's safety limits are for untrusted templates; ours render catalogues of tens of thousands of rows, and a
        // value over LimitToString (1 MB) would be cut short without an error.
        LoopLimit = int.MaxValue;
        LimitToString = 0;
        PushCulture(CultureInfo.InvariantCulture);
    }

    /// <summary>The page a compiled template is rendering (<see cref="TemplateCompiler"/>); null when Scriban interprets the theme.</summary>
    internal RenderScope? Scope { get; set; }

    /// <inheritdoc />
    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        null => this,
        string text => WriteText(span, HtmlText.Escape(text)),
        RawHtml raw => WriteText(span, raw.Html),
        IHtmlFragment fragment => WriteFragment(fragment),
        _ => WriteText(span, HtmlText.Escape(ObjectToString(textAsObject) ?? "")),
    };

    // A compiled page writes into its output directly (Scriban's own writing only passes the text on, unlimited here).
    private TemplateContext WriteText(SourceSpan span, string text)
    {
        if (Scope is { } scope)
        {
            scope.Output.Write(text, 0, text.Length);
            return this;
        }

        return base.Write(span, text);
    }

    private HtmlTemplateContext WriteFragment(IHtmlFragment fragment)
    {
        fragment.WriteTo(this);
        return this;
    }
}
