using RustScope.Collectors.Process;
using RustScope.Collectors.Sampling.EventPipe;

namespace RustScope.Collectors.Tests.Sampling;

/// <summary>The analyzer on traces a crash or a broken disk leaves behind: a warning, never an exception.</summary>
public sealed class NettraceAnalyzerTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rustscope-nettrace-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void A_file_that_is_no_trace_gives_a_warning_and_no_function_data()
    {
        var path = Path.Combine(_directory.FullName, "garbage.nettrace");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 31 % 251))]);

        var profile = NettraceAnalyzer.Analyze(path);

        Assert.Empty(profile.Functions);
        Assert.Null(profile.Stacks);
        Assert.Empty(profile.Allocations);
        Assert.Empty(profile.Counters);
        var warning = Assert.Single(profile.Warnings);
        Assert.Contains("could not be read", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trace_cut_off_mid_block_keeps_its_function_data_when_the_counter_pass_fails()
    {
        var trace = await RecordAsync("hot", "2");
        var truncated = Path.Combine(_directory.FullName, "truncated.nettrace");
        var bytes = await File.ReadAllBytesAsync(trace);
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length * 3 / 4)]);

        var profile = NettraceAnalyzer.Analyze(truncated);

        Assert.True(profile.Functions.Any(f => f.Name.Contains("HotLoop", StringComparison.Ordinal)), $"functions: {string.Join(", ", profile.Functions.Take(5).Select(f => $"{f.Name} {f.SelfPct:0}%"))}; warnings: {string.Join(" | ", profile.Warnings)}");
        Assert.Contains(profile.Warnings, w => w.StartsWith("the runtime counters could not be read", StringComparison.Ordinal));
    }

    /// <summary>
    /// Records the fixture the way RustScope does: started suspended at a diagnostic port, so the JIT events that name
    /// its methods are in the trace before the rundown at its end (which a cut removes).
    /// </summary>
    private async Task<string> RecordAsync(params string[] arguments)
    {
        var launch = new LaunchSpec("dotnet", [SamplingHarness.SamplingTargetDll, .. arguments]);
        await using var port = DiagnosticPortListener.Listen(launch, Path.Combine(_directory.FullName, "port.sock"));
        var start = new System.Diagnostics.ProcessStartInfo(launch.FileName, launch.Arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in launch.Environment)
        {
            start.Environment[name] = value;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var process = System.Diagnostics.Process.Start(start)!;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(timeout.Token), process.StandardError.ReadToEndAsync(timeout.Token));
        var client = await port.WaitForRuntimeAsync(process.Id, TimeSpan.FromMinutes(1), timeout.Token)
            ?? throw new InvalidOperationException("the fixture's runtime did not connect to the diagnostic port");

        var path = Path.Combine(_directory.FullName, "whole.nettrace");
        await using (var recording = await EventPipeRecording.StartAsync(client, path, timeout.Token))
        {
            client.ResumeRuntime();
            await process.WaitForExitAsync(timeout.Token);
            await drain;
            Assert.Null(await recording.StopAsync());
        }

        return path;
    }
}
