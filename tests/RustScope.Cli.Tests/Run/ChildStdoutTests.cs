using System.Text;
using RustScope.Cli.Tests.Infrastructure;
using RustScope.Core.Model;

namespace RustScope.Cli.Tests.Run;

/// <summary>Stdout belongs to the profiled program: rustscope's own text goes to stderr, or nowhere with --quiet.</summary>
public sealed class ChildStdoutTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_binary_stream_passes_through_byte_for_byte()
    {
        // Every byte value first (NUL, ESC, CR, invalid UTF-8 lead bytes), then a few MB of seeded noise.
        var data = new byte[3_000_000];
        new Random(18).NextBytes(data);
        for (var value = 0; value < 256; value++)
        {
            data[value] = (byte)value;
        }

        await File.WriteAllBytesAsync(_directory.File("input.bin"), data);

        var (exitCode, stdout, stderr) = await RawOutputRun.RunAsync(_directory.Path, "run", "--no-tui", "-o", "cat.json", "--", "cat", "input.bin");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(data.Length, stdout.Length);
        Assert.True(data.AsSpan().SequenceEqual(stdout), "the bytes that came out differ from the file");
        Assert.Matches(@"(?m)^  session\s+.*cat\.json$", stderr);
    }

    [Fact]
    public async Task The_childs_text_is_all_of_stdout_and_the_summary_is_on_stderr()
    {
        var (exitCode, stdout, stderr) = await RawOutputRun.RunAsync(_directory.Path, "run", "--", "printf", @"hi\n");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("hi\n", Encoding.UTF8.GetString(stdout));
        Assert.Matches(@"(?m)^  target\s+printf 'hi\\n'$", stderr);
        Assert.Matches(@"(?m)^  termination\s+exited$", stderr);
        Assert.Matches(@"(?m)^  peak rss\s+[0-9]+\.[0-9] MB$", stderr);
    }

    [Fact]
    public async Task Quiet_prints_nothing_for_a_successful_series_and_keeps_the_warnings_in_the_session()
    {
        var (exitCode, stdout, stderr) = await RawOutputRun.RunAsync(_directory.Path, "run", "-q", "--runs", "2", "--warmup-runs", "1", "--", "printf", @"hi\n");

        Assert.Equal(0, exitCode);
        Assert.Equal("hi\nhi\nhi\n", Encoding.UTF8.GetString(stdout));
        Assert.Equal(string.Empty, stderr);

        // printf ends before the first /proc sample, which the session always warns about.
        var session = SessionJson.Read(_directory.File("rustscope-last.json"));
        Assert.Equal(2, session.Runs.Count);
        Assert.NotEmpty(session.Warnings);
    }

    [Fact]
    public async Task Quiet_still_reports_errors()
    {
        var (exitCode, stdout, stderr) = await RawOutputRun.RunAsync(_directory.Path, "run", "--quiet", "--", "rustscope-no-such-command");

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("command not found", stderr, StringComparison.Ordinal);
    }
}
