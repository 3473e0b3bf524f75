using System.Diagnostics;
using RustScope.Cli.Tests.Infrastructure;
using RustScope.Collectors.Native;
using RustScope.Collectors.Process;
using RustScope.Collectors.Tests.Sampling;
using RustScope.Core.Model;

namespace RustScope.Collectors.Tests.Native;

/// <summary>Drives a <see cref="NativeAllocationCollector"/> the way the run pipeline does, against a real process the test starts.</summary>
internal static class ShimHarness
{
    private static readonly TimeSpan TargetTimeout = TimeSpan.FromMinutes(3);

    public static async Task<ProfileSession> RunAsync(NativeAllocationOptions options, string fileName, params string[] arguments)
    {
        await using var collector = new NativeAllocationCollector(options);
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
        var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await collector.StartAsync(process.Id, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TargetTimeout);
        await process.WaitForExitAsync(timeout.Token);
        var texts = await output;
        Assert.True(process.ExitCode == 0, $"{fileName} exited with {process.ExitCode}: {texts[1]}");
        return await collector.CompleteAsync(SamplingHarness.Session(startTs, process.ExitCode), CancellationToken.None);
    }
}
