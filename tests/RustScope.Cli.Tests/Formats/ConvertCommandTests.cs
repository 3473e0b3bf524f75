using RustScope.Cli.Tests.Infrastructure;
using RustScope.Core.Formats;

namespace RustScope.Cli.Tests.Formats;

/// <summary><c>rustscope convert</c> in process: formats chosen by extension or <c>--format</c>, located input errors.</summary>
public sealed class ConvertCommandTests : IDisposable
{
    private static readonly string Samply = Path.Combine(AppContext.BaseDirectory, "profiles", "samply-processed.json");

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_samply_profile_converts_to_pprof_then_speedscope_then_folded_lines_with_the_same_weights()
    {
        File.Copy(Samply, _directory.File("app.json"));

        var toPprof = await RustscopeInProcess.RunAsync(_directory.Path, "convert", "app.json", "-o", "app.pb.gz");
        var toSpeedscope = await RustscopeInProcess.RunAsync(_directory.Path, "convert", "app.pb.gz", "-o", "app.out", "--format", "speedscope");
        var toFolded = await RustscopeInProcess.RunAsync(_directory.Path, "convert", "app.out", "-o", "app.folded");

        Assert.All([toPprof, toSpeedscope, toFolded], r => Assert.True(r.ExitCode == 0, r.Stderr));
        Assert.Equal("pprof", SessionInput.Load(_directory.File("app.pb.gz")).Meta.TargetBinary);
        Assert.Equal("speedscope", SessionInput.Load(_directory.File("app.out")).Meta.TargetBinary);
        // The threads survive pprof (labels) and speedscope (a profile per thread); folded lines have no place for them.
        Assert.Equal(["4242/4242 app", "4242/4243 worker-1"], SessionInput.Load(_directory.File("app.out")).Stacks!.Threads.Select(static t => $"{t.Pid}/{t.Tid} {t.Name}"));
        Assert.Equal(
            """
            _start;__libc_start_main;main;__memcpy_avx_unaligned_erms 1
            _start;__libc_start_main;main;app::compute 1
            _start;__libc_start_main;main;app::compute;app::hash_block 5
            _start;__libc_start_main;main;app::compute;app::hash_block;__memcpy_avx_unaligned_erms 2
            start_thread;app::worker_loop 1
            start_thread;app::worker_loop;app::hash_block 4

            """.ReplaceLineEndings("\n"),
            File.ReadAllText(_directory.File("app.folded")));
    }

    [Fact]
    public async Task A_malformed_input_is_a_located_error_with_exit_2_and_nothing_written()
    {
        File.WriteAllText(_directory.File("bad.folded"), "main;work 3\nmain;;work 1\n");

        var (exitCode, stdout, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "convert", "bad.folded", "-o", "out.pb.gz");

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.StartsWith("bad.folded:2:6: error RS9200: empty frame name", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_directory.File("out.pb.gz")));
    }

    [Fact]
    public async Task An_output_name_that_says_no_format_asks_for_format()
    {
        File.WriteAllText(_directory.File("a.folded"), "main 1\n");

        var (exitCode, _, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "convert", "a.folded", "-o", "a.html");

        Assert.Equal(2, exitCode);
        Assert.Contains("a.html: error RS9201: cannot tell the format from the file name; name it with --format collapsed|pprof|speedscope|session", stderr, StringComparison.Ordinal);
    }
}
