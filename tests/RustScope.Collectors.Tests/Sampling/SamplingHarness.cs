using System.Diagnostics;
using Microsoft.Diagnostics.NETCore.Client;
using RustScope.Cli.Tests.Infrastructure;
using RustScope.Collectors.Process;
using RustScope.Collectors.Sampling;
using RustScope.Core.Model;

namespace RustScope.Collectors.Tests.Sampling;

/// <summary>Drives a <see cref="SamplingCollector"/> the way the run pipeline does, against a real process the test starts.</summary>
internal static class SamplingHarness
{
    private static readonly TimeSpan TargetTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The fixture .NET program, built into tests/fixtures by the test project's build.</summary>
    public static string SamplingTargetDll { get; } = LocateSamplingTarget();

    /// <summary>Launches <paramref name="fileName"/> with what the collector prepared, then completes the collector on a session with one sample per second.</summary>
    public static Task<ProfileSession> LaunchAsync(ISessionCollector collector, string fileName, params string[] arguments) =>
        LaunchAsync(collector, fileName, arguments, CancellationToken.None);

    /// <summary>As above, with <paramref name="startCancellation"/> handed to the collector's start (an interrupt during start-up).</summary>
    public static async Task<ProfileSession> LaunchAsync(ISessionCollector collector, string fileName, IReadOnlyList<string> arguments, CancellationToken startCancellation)
    {
        var launch = new LaunchSpec(fileName, arguments);
        await collector.PrepareLaunchAsync(launch, CancellationToken.None);
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in launch.Environment)
        {
            start.Environment[name] = value;
        }

        var startTs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var process = FixtureProcess.Start(start);
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(CancellationToken.None), process.StandardError.ReadToEndAsync(CancellationToken.None));
        await collector.StartAsync(process.Id, startCancellation);
        using var timeout = new CancellationTokenSource(TargetTimeout);
        await process.WaitForExitAsync(timeout.Token);
        await drain;
        return await collector.CompleteAsync(Session(startTs, process.ExitCode), CancellationToken.None);
    }

    /// <summary>Starts <paramref name="dll"/> untouched, attaches once its runtime publishes its diagnostic socket, completes after it exits.</summary>
    public static async Task<ProfileSession> AttachAsync(SamplingCollector collector, string dll, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var startTs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var process = FixtureProcess.Start(start);
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TargetTimeout);
        while (!DiagnosticsClient.GetPublishedProcesses().Contains(process.Id))
        {
            await Task.Delay(20, timeout.Token);
        }

        await collector.StartAsync(process.Id, CancellationToken.None);
        await process.WaitForExitAsync(timeout.Token);
        await drain;
        return await collector.CompleteAsync(Session(startTs, process.ExitCode), CancellationToken.None);
    }

    /// <summary>A session as the recorder would hand it over: one sample per second of the run.</summary>
    public static ProfileSession Session(long startTs, int? exitCode)
    {
        var endTs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var samples = Enumerable.Range(1, (int)((endTs - startTs) / 1000))
            .Select(second => new Sample { Ts = startTs + (second * 1000L), CpuPct = 100, HeapMb = 30, Threads = 8 })
            .ToList();
        return new ProfileSession
        {
            SchemaVersion = SessionJson.CurrentSchemaVersion,
            Meta = new SessionMeta { Project = "sampling-test", StartTs = startTs, EndTs = endTs, TargetBinary = "dotnet", ExitCode = exitCode },
            Summary = new SessionSummary { DurationS = (endTs - startTs) / 1000.0, CpuPctMean = 100, CpuPctMax = 100, PeakRssMb = 30, PeakThreads = 8, PeakFds = 10, EventCount = 0 },
            Samples = samples,
        };
    }

    private static string LocateSamplingTarget()
    {
        // bin/<Configuration>/net10.0/ of this test project: the fixture is built in the same configuration.
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = output.Parent!.Name;
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "RustScope.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root!.FullName, "tests", "fixtures", "SamplingTarget", "bin", configuration, "net10.0", "SamplingTarget.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build tests/fixtures/SamplingTarget first ({configuration})", dll);
    }
}
