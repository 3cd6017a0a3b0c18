using Gongkai.Publication;

namespace Gongkai.Tests.Publication;

public sealed class PassageRedactorTests
{
    [Theory]
    [InlineData("前文\n\n:::redacted{reason=\"涉及个人信息\"}\n秘密一\n\n秘密二\n:::\n\n后文", "前文\n\n:::redacted{reason=\"涉及个人信息\"}\n:::\n\n后文", 1)]
    [InlineData("- 项目\n\n  :::redacted{reason=\"涉密\"}\n  秘密\n  :::\n", "- 项目\n\n  :::redacted{reason=\"涉密\"}\n  :::\n", 1)]
    [InlineData("正文<!-- 内部备注：秘密 -->结束", "正文结束", 0)]
    [InlineData("<!--\n秘密\n-->\n\n正文", "\n\n正文", 0)]
    [InlineData("无需处理的正文", "无需处理的正文", 0)]
    [InlineData("a\n\n:::redacted{reason=\"x\"}\n秘密\n:::\n\nb\n\n:::redacted{reason=\"y\"}\n秘密\n:::", "a\n\n:::redacted{reason=\"x\"}\n:::\n\nb\n\n:::redacted{reason=\"y\"}\n:::", 2)]
    [InlineData("前文\n\n:::redacted{reason=\"x\"}\n秘密到结尾", "前文\n\n:::redacted{reason=\"x\"}\n:::", 1)]
    public void Redacted_text_and_raw_html_are_cut_from_the_markdown(string markdown, string expected, int passages)
    {
        var result = PassageRedactor.Redact(markdown);
        Assert.Equal(expected, result.Markdown);
        Assert.Equal(passages, result.Passages);
        Assert.DoesNotContain("秘密", result.Markdown);
    }
}
