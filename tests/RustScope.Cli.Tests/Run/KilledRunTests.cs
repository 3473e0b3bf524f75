using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Cli.Tests.Run;

/// <summary>
/// rustscope killed with SIGKILL: a .NET target it started suspended at its diagnostic port still runs to its end, and
/// the next run removes the temp folder (with the port's socket) the killed one left.
/// </summary>
public sealed class KilledRunTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>The moments rustscope dies at: phases of the target's start, then delays after rustscope's own start.</summary>
    public static TheoryData<string> Moments => ["watchdog started", "target spawned", "target announced", "0.3", "0.6", "0.9", "1.2", "1.5"];

    [Theory]
    [MemberData(nameof(Moments))]
    public async Task A_dotnet_target_is_never_left_suspended_when_rustscope_is_killed(string moment)
    {
        using var marked = new MarkedProcesses();
        var result = _directory.File($"result-{moment}.txt");
        var rustscope = RustscopeProcess.Start(_directory.Path, marked.Environment, "run", "-o", "s.json", "--",
            "sh", "-c", $"exec dotnet '{DotnetFixtures.SamplingTarget}' hot 0.2 > '{result}'");
        try
        {
            await KillAtAsync(rustscope, moment);
        }
        finally
        {
            rustscope.Dispose();
        }

        // Ran to its end: whoever resumed it (rustscope before it died, or its watchdog), the target wrote its result.
        var left = await marked.WaitGoneAsync(TimeSpan.FromSeconds(120));
        Assert.True(left.Count == 0, $"killed at \"{moment}\": still there: {MarkedProcesses.Describe(left)}");
        // The shell made the file as it started the target; the target writes its result only if it ran to its end.
        if (File.Exists(result))
        {
            Assert.NotEqual(string.Empty, File.ReadAllText(result).Trim());
        }
    }

    [Fact]
    public async Task The_temp_folders_of_killed_runs_are_removed_at_the_next_start_and_live_ones_kept()
    {
        // A pid that surely ended: a process this test started and waited for.
        using var ended = System.Diagnostics.Process.Start("true")!;
        await ended.WaitForExitAsync();
        var dead = Path.Combine(Path.GetTempPath(), $"rustscope-{ended.Id}-{Guid.NewGuid():N}");
        var deadFlush = dead + ".session.json";
        var live = Path.Combine(Path.GetTempPath(), $"rustscope-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var watched = Path.Combine(Path.GetTempPath(), $"rustscope-{ended.Id}-{Guid.NewGuid():N}");
        foreach (var folder in new[] { dead, live, watched })
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "port.sock"), string.Empty);
        }

        File.WriteAllText(deadFlush, "{}");
        try
        {
            // The dead run's watchdog still holding the folder's lock: kept until it lets go.
            using (new FileStream(Path.Combine(watched, "lock"), FileMode.Create, FileAccess.ReadWrite, FileShare.None))
            {
                var (exitCode, _, stderr) = await RustscopeProcess.RunAsync(_directory.Path, "run", "-o", "s.json", "--", "true");
                Assert.True(exitCode == 0, stderr);
            }

            Assert.False(Directory.Exists(dead), "the killed run's folder is still there");
            Assert.False(File.Exists(deadFlush), "the killed run's flush file is still there");
            Assert.True(Directory.Exists(live), "a live run's folder was removed");
            Assert.True(Directory.Exists(watched), "a folder whose lock was held was removed");
        }
        finally
        {
            foreach (var folder in new[] { dead, live, watched })
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }

            File.Delete(deadFlush);
        }
    }

    /// <summary>SIGKILLs rustscope at <paramref name="moment"/>: a phase seen in /proc, or a delay in seconds.</summary>
    private static async Task KillAtAsync(RustscopeProcess rustscope, string moment)
    {
        Func<bool> reached = moment switch
        {
            "watchdog started" => () => Children(rustscope.Pid).Any(c => CommandLine(c).Contains("__resume-watchdog", StringComparison.Ordinal)),
            "target spawned" => () => Children(rustscope.Pid).Any(c => CommandLine(c).Contains("SamplingTarget", StringComparison.Ordinal)),
            "target announced" => () => Children(rustscope.Pid).Any(c => CommandLine(c).Contains("SamplingTarget", StringComparison.Ordinal)
                && Directory.EnumerateFiles("/tmp", $"dotnet-diagnostic-{c}-*").Any()),
            _ => () => false,
        };
        var deadline = DateTime.UtcNow + (double.TryParse(moment, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(120));
        while (!reached() && DateTime.UtcNow < deadline && !rustscope.HasExited)
        {
            await Task.Delay(1);
        }

        if (!rustscope.HasExited)
        {
            Signals.Send(rustscope.Pid, Signals.Kill);
        }

        await rustscope.WaitForExitAsync(TimeSpan.FromSeconds(60));
    }

    private static List<int> Children(int pid)
    {
        try
        {
            return [.. Directory.EnumerateDirectories($"/proc/{pid}/task")
                .SelectMany(task => File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(int.Parse)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
