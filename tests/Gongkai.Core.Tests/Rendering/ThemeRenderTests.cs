using System.Text;
using Gongkai.Rendering;
using Gongkai.Tests.Support;
using Scriban.Runtime;

namespace Gongkai.Tests.Rendering;

/// <summary>How a page is put together: its layout inside the base layout, partials written where they are included.</summary>
public sealed class ThemeRenderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Theme _theme;

    public ThemeRenderTests()
    {
        _folder.Write("i18n/zh-CN.json", File.ReadAllText(Path.Combine(Repo.Theme, "i18n", "zh-CN.json")));
        _folder.Write("layouts/base.sbn-html", "<main>{{ content }}</main><footer>{{ title }}</footer>");
        _folder.Write("layouts/page.sbn-html", "<h1>{{ title }}</h1>{{ include \"note\" }}<article>{{ content }}</article>");
        _folder.Write("partials/note.sbn-html", "<p class=\"note\">{{ note }}</p>");
        _theme = Theme.Load(_folder.Path, "zh-CN");
    }

    public void Dispose() => _folder.Dispose();

    private string Render(string title, string markdownHtml) =>
        Encoding.UTF8.GetString(_theme.RenderPage("page", new ScriptObject { ["title"] = title, ["note"] = "注 <1>" }, new RawHtml(markdownHtml)));

    [Fact]
    public void The_layout_sees_the_markdown_as_content_and_the_base_sees_the_layout()
    {
        var html = Render("报告 & 目录", "<p>正文</p>");

        Assert.Equal("<main><h1>报告 &amp; 目录</h1><p class=\"note\">注 &lt;1&gt;</p><article><p>正文</p></article></main><footer>报告 &amp; 目录</footer>", html);
    }

    [Fact]
    public async Task Pages_rendered_one_after_another_on_new_threads_share_one_template_context()
    {
        // serve runs each build on new threads: a context made for each would cost more than the page that changed.
        for (var i = 0; i < 4; i++)
        {
            var html = await Task.Factory.StartNew(() => Render($"第{i}页", "<p>正文</p>"), TaskCreationOptions.LongRunning);
            Assert.Contains($"<footer>第{i}页</footer>", html);
        }

        Assert.Equal(1, _theme.ContextsMade);
    }

    [Fact]
    public void A_page_after_a_very_long_one_holds_only_its_own_text()
    {
        var longPage = Render("目录", string.Concat(Enumerable.Repeat("<tr><td>评价报告</td></tr>", 200_000)));
        var next = Render("下一页", "<p>短</p>");
        var again = Render("下一页", "<p>短</p>");

        Assert.Contains("<footer>目录</footer>", longPage);
        Assert.Equal("<main><h1>下一页</h1><p class=\"note\">注 &lt;1&gt;</p><article><p>短</p></article></main><footer>下一页</footer>", next);
        Assert.Equal(next, again);
    }

    [Fact]
    public void A_character_split_across_two_writes_comes_out_whole_in_UTF8()
    {
        var output = new Utf8Output();
        output.Start();
        output.Write("评价\ud83d", 0, 3);
        output.Write("\ude00报告\ud83d", 0, 4);
        output.Write("\ud83d", 0, 1);

        Assert.Equal("评价😀报告\ufffd\ufffd", Encoding.UTF8.GetString(output.Finish()));
    }

    [Fact]
    public void Text_encoded_already_follows_what_was_written_and_a_lone_half_before_it_is_replaced()
    {
        var output = new Utf8Output();
        output.Start();
        output.Write("评价\ud83d", 0, 3);
        output.WriteUtf8("<td>"u8);
        output.Write("报告", 0, 2);
        output.WriteUtf8(new byte[70_000]);

        var page = output.Finish();

        Assert.Equal("评价\ufffd<td>报告", Encoding.UTF8.GetString(page.AsSpan(0, page.Count - 70_000)));
        Assert.Equal(70_000 + 19, page.Count);
    }

    [Fact]
    public void Each_page_comes_in_an_array_of_its_own()
    {
        var first = _theme.RenderPage("page", new ScriptObject { ["title"] = "一", ["note"] = "" }, new RawHtml(""));
        var second = _theme.RenderPage("page", new ScriptObject { ["title"] = "二", ["note"] = "" }, new RawHtml(""));

        Assert.NotSame(first.Array, second.Array);
        Assert.Contains("<h1>一</h1>", Encoding.UTF8.GetString(first));
        Assert.Contains("<h1>二</h1>", Encoding.UTF8.GetString(second));
    }

    [Fact]
    public void The_built_in_names_a_theme_is_scanned_for_are_all_of_Scriban_s()
    {
        Assert.Equal(new Scriban.Functions.BuiltinFunctions().Keys.Order(StringComparer.Ordinal), Theme.BuiltinNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_theme_that_reads_no_built_in_function_renders_without_them_and_one_that_does_renders_with_them()
    {
        Assert.False(_theme.UsesBuiltins);
        Assert.False(Theme.Load(Repo.Theme, "zh-CN").UsesBuiltins);

        using var folder = new TempFolder();
        folder.Write("i18n/zh-CN.json", File.ReadAllText(Path.Combine(Repo.Theme, "i18n", "zh-CN.json")));
        folder.Write("layouts/base.sbn-html", "{{ content }}");
        folder.Write("layouts/page.sbn-html", "<h1>{{ title | string.upcase }}</h1>{{ -2 | math.abs }}");
        var theme = Theme.Load(folder.Path, "zh-CN");

        Assert.True(theme.UsesBuiltins);
        Assert.Equal("<h1>REPORT</h1>2", Encoding.UTF8.GetString(theme.RenderPage("page", new ScriptObject { ["title"] = "report" }, new RawHtml(""))));
    }
}
