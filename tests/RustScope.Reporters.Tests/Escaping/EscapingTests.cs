using RustScope.Reporters.Escaping;

namespace RustScope.Reporters.Tests.Escaping;

public sealed class EscapingTests
{
    [Theory]
    [InlineData("a|b", "a&#124;b")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("&amp;", "&amp;amp;")]
    [InlineData("`code`", "\\`code\\`")]
    [InlineData("*bold* _it_ ~del~", "\\*bold\\* \\_it\\_ \\~del\\~")]
    [InlineData("[x](https://evil)", "\\[x\\](https://evil)")]
    [InlineData("$x^2$", "\\$x^2\\$")]
    [InlineData("C:\\path", "C:\\\\path")]
    [InlineData("one\r\ntwo\tthree", "one  two three")]
    [InlineData("bell\u0007 esc\u001b[31m", "bell\uFFFD esc\uFFFD\\[31m")]
    [InlineData("List<int>.Add", "List&lt;int&gt;.Add")]
    [InlineData("Notify@octocat", "Notify@\u2060octocat")]
    [InlineData("Fixes #123 and GH#7", "Fixes #\u2060123 and GH#\u20607")]
    public void Markdown_text_is_inert_in_a_table_cell(string text, string escaped)
    {
        Assert.Equal(escaped, MarkdownText.Escape(text));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\u0001b\u0008c", "a\uFFFDb\uFFFDc")]
    [InlineData("tab\tnewline\n", "tab\tnewline\n")]
    [InlineData("emoji \U0001F680", "emoji \U0001F680")]
    [InlineData("\uFFFE", "\uFFFD")]
    public void XML_gets_only_characters_XML_1_0_can_carry(string text, string legal)
    {
        Assert.Equal(legal, XmlCharacters.Legal(text));
    }

    [Fact]
    public void A_lone_surrogate_is_replaced_and_a_pair_kept()
    {
        // Not as InlineData: the test runner cannot carry a lone surrogate through its serialisation.
        Assert.Equal("lone \uFFFD, pair \uD83D\uDE80", XmlCharacters.Legal("lone \uD800, pair \uD83D\uDE80"));
    }
}
