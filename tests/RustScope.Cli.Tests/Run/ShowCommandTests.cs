using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Cli.Tests.Run;

public sealed class ShowCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Shows_the_summary_of_a_recorded_session()
    {
        await RustscopeProcess.RunAsync(_directory.Path, "run", "--", NativeFixtures.Path("exit_with"), "0");

        var (exitCode, stdout, _) = await RustscopeProcess.RunAsync(_directory.Path, "show", "rustscope-last.json");

        Assert.Equal(0, exitCode);
        Assert.Contains("termination", stdout, StringComparison.Ordinal);
        Assert.Contains("peak rss", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_session_is_an_input_error_with_its_location()
    {
        File.WriteAllText(_directory.File("cut.json"), "{\n  \"schema_version\": 1,\n  \"meta\": {\"project\": \"p\",");

        var (exitCode, _, stderr) = await RustscopeProcess.RunAsync(_directory.Path, "show", "cut.json");

        Assert.Equal(2, exitCode);
        Assert.Matches(@"cut\.json:3:\d+: RS9002: ", stderr);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_from_a_newer_rustscope_is_refused_with_its_location()
    {
        File.WriteAllText(_directory.File("new.json"), "{\"schema_version\": 9, \"meta\": {}}");

        var (exitCode, _, stderr) = await RustscopeProcess.RunAsync(_directory.Path, "show", "new.json");

        Assert.Equal(2, exitCode);
        Assert.Contains("new.json: RS9003: schema_version 9 is newer", stderr, StringComparison.Ordinal);
        Assert.Contains("$.schema_version", stderr, StringComparison.Ordinal);
    }
}
