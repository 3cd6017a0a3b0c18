using System.Text;
using Gongkai.Rendering;
using Gongkai.Tests.Support;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Gongkai.Tests.Rendering;

/// <summary>UI strings folded into templates at load: the same page as looking them up, in the same places.</summary>
public sealed class UiStringFoldingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private UiStrings Strings()
    {
        _folder.Write("i18n/zh-CN.json", """{ "catalogue": { "name": "报告 & <名称>", "group": { "inner": "内" } }, "site": { "title": "公开" } }""");
        return UiStrings.Load(_folder["i18n/zh-CN.json"]);
    }

    private static ScriptPage Page(string text) => Template.Parse(text).Page!;

    private static IEnumerable<ScriptNode> Nodes(ScriptNode node) =>
        Enumerable.Range(0, node.ChildrenCount).Select(node.GetChildren).OfType<ScriptNode>().SelectMany(Nodes).Prepend(node);

    [Fact]
    public void A_string_read_from_t_becomes_a_literal_where_the_expression_was()
    {
        var page = Page("<th>{{ t.catalogue.name }}</th>{{ x = t.catalogue.group.inner }}{{ for s in t.catalogue.group }}{{ s }}{{ end }}");

        var folded = UiStringFolding.Fold(new Dictionary<string, ScriptPage> { ["p"] = page }, Strings())["p"];

        var literals = Nodes(folded).OfType<ScriptLiteral>().ToList();
        Assert.Equal(["报告 & <名称>", "内"], literals.Select(l => l.Value));
        Assert.Equal(7, literals[0].Span.Start.Column);
        // A group of strings is still looked up.
        Assert.Contains(Nodes(folded).OfType<ScriptMemberExpression>(), m => m.Member is ScriptVariable { Name: "group" });
    }

    [Theory]
    [InlineData("{{ for t in items }}{{ t.site.title }}{{ end }}")]
    [InlineData("{{ t = item }}{{ t.site.title }}")]
    [InlineData("{{ t.site.title = \"x\" }}")]
    public void Templates_that_use_t_themselves_are_left_as_they_are(string text)
    {
        var page = Page(text);
        var other = Page("{{ t.site.title }}");

        var folded = UiStringFolding.Fold(new Dictionary<string, ScriptPage> { ["a"] = page, ["b"] = other }, Strings());

        Assert.Same(page, folded["a"]);
        Assert.Same(other, folded["b"]);
    }

    [Fact]
    public void A_folded_page_is_the_page_looked_up_escaped_and_a_loop_variable_named_t_still_wins()
    {
        _folder.Write("layouts/base.sbn-html", "<h1 title=\"{{ t.catalogue.name }}\">{{ t.site.title }}</h1>{{ content }}");
        _folder.Write("layouts/page.sbn-html", "<p>{{ fill t.catalogue.name [1] }}</p>");
        _folder.Write("layouts/loop.sbn-html", "{{ for t in items }}<i>{{ t.site.title }}</i>{{ end }}");
        Strings();
        var theme = Theme.Load(_folder.Path, "zh-CN");
        string Render(string layout, ScriptObject model) => Encoding.UTF8.GetString(theme.RenderPage(layout, model, new RawHtml("")));

        Assert.Equal("<h1 title=\"报告 &amp; &lt;名称&gt;\">公开</h1><p>报告 &amp; &lt;名称&gt;</p>", Render("page", []));
        // The loop layout binds t, so nothing in the theme is folded: every t is looked up where it is read.
        var item = new ScriptObject { ["site"] = new ScriptObject { ["title"] = "循环" } };
        Assert.Equal("<h1 title=\"报告 &amp; &lt;名称&gt;\">公开</h1><i>循环</i>", Render("loop", new ScriptObject { ["items"] = new ScriptArray { item } }));
    }
}
