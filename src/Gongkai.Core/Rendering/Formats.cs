using System.Globalization;
using Gongkai.Model;

namespace Gongkai.Rendering;

/// <summary>Number formats for zh-CN pages, exposed to templates as functions (<c>fmt_amount</c> …).</summary>
public static class Formats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A decimal with as many places as its source had and no trailing zeros: 2438, 2177.62, 133.5.</summary>
    public static string Number(decimal value) => value.ToString("0.############", Invariant);

    /// <summary>A total in 万元 shown as the sources write totals: in 亿元 from 0.1 亿元 up (1.34 亿元, 0.27 亿元), else in 万元.</summary>
    public static string Money(decimal wan) => wan >= 1000m
        ? $"{Number(wan / 10000m)} 亿元"
        : $"{Number(wan)} 万元";

    /// <summary>A UI string with its placeholders {0}, {1} … filled in, so word order stays in the locale file.</summary>
    public static string Fill(string format, System.Collections.IList values)
    {
        var text = format;
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i] switch
            {
                decimal d => Number(d),
                IFormattable f => f.ToString(null, Invariant),
                var v => v?.ToString() ?? "",
            };
            text = text.Replace("{" + i.ToString(Invariant) + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The Chinese grade label.</summary>
    public static string GradeLabel(Grade grade) => grade.Label();

    /// <summary>A grade's id for CSS and data attributes.</summary>
    public static string GradeId(Grade grade) => grade.Id();
}
