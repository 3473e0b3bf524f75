namespace RustScope.Profiling.Tests.Weaving;

/// <summary>Positions in a test's source text, found rather than counted by hand.</summary>
internal static class SourceText
{
    /// <summary>The 1-based line and column of <paramref name="token"/> on the first line containing <paramref name="line"/>.</summary>
    public static (int Line, int Column) At(string source, string line, string token)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(line, StringComparison.Ordinal));
        Assert.True(index >= 0, $"no line contains {line}");
        return (index + 1, lines[index].IndexOf(token, StringComparison.Ordinal) + 1);
    }
}
