using System.Text;
using Gongkai.Rendering;
using Gongkai.Tests.Support;
using Scriban.Runtime;

namespace Gongkai.Tests.Rendering;

/// <summary>
/// Compiled templates against Scriban's interpreter as the oracle: the same theme rendered compiled and, with one
/// template added that the compiler leaves to Scriban (so the whole theme is interpreted), gives the same page, or the same error.
/// </summary>
public sealed class TemplateCompilerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A value the templates reach through Scriban's accessor for .NET objects.</summary>
    public sealed record Entry(string Title, decimal? Amount, int No, Entry? Child);

    /// <summary>Another type with members of the same names, read at the same places in a template as an Entry.</summary>
    public sealed record Note(int No, string Title);

    private static ScriptObject Model() => new()
    {
        ["entries"] = new List<Entry>
        {
            new("甲 <&> 𠀀", 150.5m, 1, new Entry("子", null, 9, null)),
            new("乙", null, 2, null),
            new("丙", 80m, 3, null),
        },
        ["mixed"] = new List<object> { new Entry("甲", null, 1, null), new Note(2, "注"), new Note(3, "又注"), new Entry("乙", null, 4, null) },
        ["list"] = new ScriptArray { "a", "b" },
        ["empty"] = new ScriptArray(),
        ["text"] = "x < y & \"z\" 𠀀",
        ["nothing"] = null,
    };

    // The page each way (from the same files, so messages name the same paths): its text, or the error's message.
    private (string Compiled, string Interpreted) Render(string layout, params (string Name, string Text)[] partials)
    {
        _folder.Write("i18n/zh-CN.json", """{ "site": { "title": "公开" } }""");
        _folder.Write("layouts/base.sbn-html", "<main>{{ content }}</main>");
        _folder.Write("layouts/page.sbn-html", layout);
        foreach (var (name, text) in partials)
        {
            _folder.Write($"partials/{name}.sbn-html", text);
        }

        string One(bool compiled)
        {
            if (!compiled)
            {
                _folder.Write("partials/interpreted.sbn-html", "{{ capture c }}x{{ end }}");
            }

            var theme = Theme.Load(_folder.Path, "zh-CN");
            Assert.Equal(compiled ? null : "partials/interpreted.sbn-html, line 1: capture c", theme.Interpreted);
            try
            {
                return Encoding.UTF8.GetString(theme.RenderPage("page", Model(), new RawHtml("")));
            }
            catch (Exception e) when (e is Scriban.Syntax.ScriptRuntimeException or ThemeException)
            {
                return "error: " + e.Message;
            }
        }

        return (One(true), One(false));
    }

    [Theory]
    [InlineData("{{ for e in entries }}[{{ for.index }}/{{ for.length }}{{ if for.first }}F{{ end }}{{ if for.last }}L{{ end }}{{ for.rindex }}{{ if for.even }}E{{ else }}O{{ end }}{{ e.title }}|{{ e.amount }}|{{ e.no + 1 }}]{{ end }}",
        "<main>[0/3F2E甲 &lt;&amp;&gt; 𠀀|150.5|2][1/31O乙||3][2/3L0E丙|80|4]</main>")]
    [InlineData("{{ x = \"outer\" }}{{ for x in list }}{{ for y in list }}{{ x }}{{ y }},{{ end }}{{ end }}{{ x }}", "<main>aa,ab,ba,bb,outer</main>")]
    [InlineData("{{ for e in entries }}{{ last = e.title }}{{ end }}{{ last }}{{ for e in empty }}never{{ end }}", "<main>丙</main>")]
    [InlineData("{{ for e in entries }}{{ if e.amount == null }}none{{ else if e.amount > 100 }}big{{ else }}small{{ end }};{{ end }}", "<main>big;none;small;</main>")]
    [InlineData("{{ fmt_number entries[0].amount }} {{ fill \"{0}-{1}\" [1, text] }} {{ \"a-b\" | string.replace \"-\" \"_\" }} {{ entries.size }} {{ list[1] }} {{ true && nothing }} {{ entries[0].child.title }} {{ text }} {{ (1 + 2) - 1 }}",
        "<main>150.5 1-x &lt; y &amp; &quot;z&quot; 𠀀 a_b 3 b false 子 x &lt; y &amp; &quot;z&quot; 𠀀 2</main>")]
    [InlineData("{{ for m in mixed }}{{ m.no }}{{ m.title }};{{ end }}", "<main>1甲;2注;3又注;4乙;</main>")]
    [InlineData("{{ entries[1].child.title }}", null)]
    [InlineData("{{ no_such_thing }}", null)]
    [InlineData("{{ entries[0].no_such_member }}|{{ nothing }}", null)]
    [InlineData("{{ fmt_number 1 2 }}", null)]
    [InlineData("{{ include \"no-such-partial\" }}", null)]
    [InlineData("{{ fmt_number = 3 }}", null)]
    [InlineData("{{ for e in 5 }}{{ e }}{{ end }}", null)]
    public void A_compiled_template_writes_what_Scriban_writes(string layout, string? expected)
    {
        var (compiled, interpreted) = Render(layout);

        Assert.Equal(interpreted, compiled);
        if (expected is not null)
        {
            Assert.Equal(expected, compiled);
        }
    }

    [Fact]
    public void A_partial_included_in_a_loop_sees_its_variable_and_for_object()
    {
        var (compiled, interpreted) = Render(
            "<table>{{ for e in entries }}<tr>{{ include \"cell\" }}</tr>{{ end }}</table>",
            ("cell", "<td>{{ for.index }}</td><td>{{ e.title }}</td>"));

        Assert.Equal(interpreted, compiled);
        Assert.Equal("<main><table><tr><td>0</td><td>甲 &lt;&amp;&gt; 𠀀</td></tr><tr><td>1</td><td>乙</td></tr><tr><td>2</td><td>丙</td></tr></table></main>", compiled);
    }

    [Fact]
    public void A_template_that_reads_the_for_object_where_Scriban_would_evaluate_it_leaves_the_theme_to_Scriban()
    {
        _folder.Write("i18n/zh-CN.json", """{ "site": { "title": "公开" } }""");
        _folder.Write("layouts/base.sbn-html", "{{ for e in entries }}{{ for.index | math.plus 1 }}{{ end }}");

        var theme = Theme.Load(_folder.Path, "zh-CN");

        Assert.Equal("layouts/base.sbn-html, line 1: for.index|math.plus 1", theme.Interpreted);
        Assert.Equal("123", Encoding.UTF8.GetString(theme.RenderPage("base", Model(), new RawHtml(""))));
    }

    [Fact]
    public void The_default_theme_is_compiled() => Assert.Null(Theme.Load(Repo.Theme, "zh-CN").Interpreted);
}
