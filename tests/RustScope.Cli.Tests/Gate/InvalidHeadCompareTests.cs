using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Cli.Tests.Gate;

/// <summary><c>compare</c> with head figures it cannot judge: exit 1, and every report says why instead of showing made-up numbers.</summary>
public sealed class InvalidHeadCompareTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_negative_head_run_fails_the_gate_with_its_reason_in_every_report()
    {
        SyntheticSessions.Write(_directory.File("base.json"), SyntheticSessions.AroundOneSecond(1));
        SyntheticSessions.Write(_directory.File("head.json"), [.. SyntheticSessions.AroundOneSecond(1).Select((t, i) => i == 4 ? -t : t)]);

        var (exitCode, stdout, stderr) = await RustscopeInProcess.RunAsync(_directory.Path,
            "compare", "base.json", "head.json", "--json", "result.json", "--markdown", "comment.md", "--junit", "junit.xml");

        Assert.True(exitCode == 1, stdout + stderr);
        Assert.Contains("gate failed", stdout, StringComparison.Ordinal);
        Assert.Contains("wall_time invalid: The head sample #5 is negative", stdout, StringComparison.Ordinal);
        Assert.Contains("\"verdict\": \"invalid\"", await File.ReadAllTextAsync(_directory.File("result.json")), StringComparison.Ordinal);
        Assert.Contains("| ❌ invalid: The head sample #⁠5 is negative", await File.ReadAllTextAsync(_directory.File("comment.md")), StringComparison.Ordinal);
        Assert.Contains("type=\"invalid\"", await File.ReadAllTextAsync(_directory.File("junit.xml")), StringComparison.Ordinal);
        Assert.DoesNotContain("0 ns", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overflowing_head_value_is_invalid_or_an_input_error_never_a_pass()
    {
        SyntheticSessions.Write(_directory.File("base.json"), SyntheticSessions.AroundOneSecond(1));
        SyntheticSessions.Write(_directory.File("head.json"), SyntheticSessions.AroundOneSecond(1));
        var head = await File.ReadAllTextAsync(_directory.File("head.json"));
        await File.WriteAllTextAsync(_directory.File("head.json"), head.Replace("\"wall_time_s\": 1.02", "\"wall_time_s\": 1e400", StringComparison.Ordinal));

        var (exitCode, stdout, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "compare", "base.json", "head.json");

        Assert.True(exitCode is 1 or 2, stdout + stderr);
        Assert.DoesNotContain("gate passed", stdout, StringComparison.Ordinal);
    }
}
