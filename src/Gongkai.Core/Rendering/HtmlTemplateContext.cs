using System.Globalization;
using Scriban;
using Scriban.Parsing;

namespace Gongkai.Rendering;

/// <summary>
/// A Scriban context that HTML-escapes every value a template writes unless it is <see cref="RawHtml"/>, so a
/// template cannot forget to escape input text. Formats numbers with the invariant culture.
/// </summary>
public sealed class HtmlTemplateContext : TemplateContext
{
    /// <summary>A context with strict variables (a typo in a template is an error, not an empty string).</summary>
    public HtmlTemplateContext()
    {
        StrictVariables = true;
        LoopLimit = 0; // no limit: catalogues of large archives have tens of thousands of rows
        PushCulture(CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        null => this,
        RawHtml raw => base.Write(span, raw.Html),
        _ => base.Write(span, HtmlText.Escape(ObjectToString(textAsObject) ?? "")),
    };
}
