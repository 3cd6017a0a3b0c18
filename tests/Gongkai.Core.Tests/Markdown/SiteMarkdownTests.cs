using Gongkai.Markdown;

namespace Gongkai.Tests.Markdown;

public sealed class SiteMarkdownTests
{
    private static string Html(string markdown) => SiteMarkdown.Default.ToHtml(markdown).Trim();

    [Theory]
    [InlineData("评价类\n型覆盖", "<p>评价类型覆盖</p>")]
    [InlineData("工作。\n（具体项目）", "<p>工作。（具体项目）</p>")]
    [InlineData("三是**部门**\n整体绩效", "<p>三是<strong>部门</strong>整体绩效</p>")]
    [InlineData("查阅。2\n个项目", "<p>查阅。2\n个项目</p>")]
    [InlineData("English\nwords", "<p>English\nwords</p>")]
    [InlineData("共选取\n11 个", "<p>共选取\n11 个</p>")]
    public void Soft_breaks_vanish_only_between_two_wide_characters(string markdown, string expected) =>
        Assert.Equal(expected, Html(markdown));

    [Fact]
    public void Hard_breaks_are_kept_between_chinese_characters() =>
        Assert.Equal("<p>第一行<br />\n第二行</p>", Html("第一行\\\n第二行"));

    [Theory]
    [InlineData("根据**《项目支出绩效评价管理办法》**开展", "<p>根据<strong>《项目支出绩效评价管理办法》</strong>开展</p>")]
    [InlineData("一是**绩效目标设置及完成方面**：绩效", "<p>一是<strong>绩效目标设置及完成方面</strong>：绩效</p>")]
    public void Emphasis_works_next_to_chinese_punctuation(string markdown, string expected) =>
        Assert.Equal(expected, Html(markdown));

    [Fact]
    public void Heading_ids_keep_chinese_characters()
    {
        var html = Html("## 一、公开本级重大政策\n\n## 存在的问题\n\n## 存在的问题");
        Assert.Contains("id=\"一公开本级重大政策\"", html);
        Assert.Contains("id=\"存在的问题\"", html);
        Assert.Contains("id=\"存在的问题-1\"", html);
        Assert.DoesNotContain("id=\"section\"", html);
    }

    [Theory]
    [InlineData("详见https://www.example.gov.cn/a?b=1。", "<p>详见<a href=\"https://www.example.gov.cn/a?b=1\">https://www.example.gov.cn/a?b=1</a>。</p>")]
    [InlineData("见http://example.gov.cn/x.pdf，", "<p>见<a href=\"http://example.gov.cn/x.pdf\">http://example.gov.cn/x.pdf</a>，</p>")]
    [InlineData("see https://example.org/a.", "<p>see <a href=\"https://example.org/a\">https://example.org/a</a>.</p>")]
    [InlineData("详见https://", "<p>详见https://</p>")]
    [InlineData("http 协议", "<p>http 协议</p>")]
    public void Bare_urls_are_linked_even_right_after_chinese_text(string markdown, string expected) =>
        Assert.Equal(expected, Html(markdown));

    [Fact]
    public void Pipe_tables_and_footnotes_render()
    {
        var html = Html("| 项目 | 得分 |\n|---|---:|\n| 党校 | 94.33 |\n\n正文[^1]\n\n[^1]: 来源说明");
        Assert.Contains("<table>", html);
        Assert.Contains("<td style=\"text-align: right;\">94.33</td>", html);
        Assert.Contains("class=\"footnote-ref\"", html);
        Assert.Contains("来源说明", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "")]
    [InlineData("正文<!-- 内部备注：秘密 -->结束", "<p>正文结束</p>")]
    [InlineData("<!--\n内部备注\n-->\n\n正文", "<p>正文</p>")]
    [InlineData("<span onclick=\"x()\">文字</span>", "<p>文字</p>")]
    [InlineData("[点击](javascript:alert(1))", "<p><a href=\"\">点击</a></p>")]
    public void Raw_html_and_unsafe_links_are_dropped(string markdown, string expected) =>
        Assert.Equal(expected, Html(markdown));

    [Theory]
    [InlineData("前文\n\n:::redacted{reason=\"涉及个人信息\"}\n张三，身份证号 123\n\n第二段 **秘密**\n:::\n\n后文",
        "<p>前文</p>\n<aside class=\"redaction\" role=\"note\"><p>此处内容不予公开：涉及个人信息</p></aside>\n<p>后文</p>")]
    [InlineData("前文\n:::redacted{reason=\"涉密\"}\n秘密\n:::",
        "<p>前文</p>\n<aside class=\"redaction\" role=\"note\"><p>此处内容不予公开：涉密</p></aside>")]
    [InlineData("- 项目\n\n  :::redacted{reason=\"涉密\"}\n  秘密\n  :::",
        "<ul>\n<li><p>项目</p>\n<aside class=\"redaction\" role=\"note\"><p>此处内容不予公开：涉密</p></aside>\n</li>\n</ul>")]
    public void Redacted_blocks_leave_only_a_note_with_the_reason(string markdown, string expected) =>
        Assert.Equal(expected, Html(markdown));

    [Theory]
    [InlineData(":::redact{reason=\"x\"}\n秘密\n:::\n\n后文", "后文")]
    [InlineData(":::redacted\n秘密\n:::", "")]
    [InlineData("前文\n\n:::redacted{reason=\"x\"}\n秘密\n\n更多秘密", "前文")]
    public void Malformed_or_unclosed_blocks_still_remove_their_text(string markdown, string keptText)
    {
        var html = Html(markdown);
        Assert.DoesNotContain("秘密", html);
        Assert.Contains(keptText, html);
    }

    [Fact]
    public void Root_relative_links_get_the_base_url_and_others_do_not() =>
        Assert.Equal(
            "<p><a href=\"/disclosures/regions/karamay/2023/\">a</a> <a href=\"../2022/\">b</a> <a href=\"https://x.cn/\">c</a> <a href=\"//cdn.example/x\">d</a></p>",
            SiteMarkdown.Default.ToHtml("[a](/regions/karamay/2023/) [b](../2022/) [c](https://x.cn/) [d](//cdn.example/x)", "/disclosures/").Trim());
}
