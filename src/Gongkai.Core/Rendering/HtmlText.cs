using System.Text;

namespace Gongkai.Rendering;

/// <summary>Escapes text for HTML content and attribute values; leaves Chinese and other non-ASCII text as it is.</summary>
public static class HtmlText
{
    /// <summary>The text with &amp;, &lt;, &gt;, " and ' escaped.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }

        return builder.ToString();
    }
}
