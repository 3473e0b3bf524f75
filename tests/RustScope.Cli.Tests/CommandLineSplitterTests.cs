namespace RustScope.Cli.Tests;

public sealed class CommandLineSplitterTests
{
    [Theory]
    [InlineData("dotnet app.dll --n 3", new[] { "dotnet", "app.dll", "--n", "3" })]
    [InlineData("  a   b\t c  ", new[] { "a", "b", "c" })]
    [InlineData("run 'two words' \"and $HOME\"", new[] { "run", "two words", "and $HOME" })]
    [InlineData("a\\ b \"q\\\"uote\" 'x\\y'", new[] { "a b", "q\"uote", "x\\y" })]
    [InlineData("pre'fix'\"ed\" '' \"\"", new[] { "prefixed", "", "" })]
    [InlineData("a|b; c > d *", new[] { "a|b;", "c", ">", "d", "*" })]
    public void Splits_like_a_shell_without_expanding(string line, string[] expected)
    {
        Assert.Equal(expected, CommandLineSplitter.Split(line));
    }

    [Theory]
    [InlineData("echo 'open")]
    [InlineData("echo \"open")]
    [InlineData("trailing \\")]
    public void Unbalanced_input_is_refused(string line)
    {
        Assert.Throws<FormatException>(() => CommandLineSplitter.Split(line));
    }
}
