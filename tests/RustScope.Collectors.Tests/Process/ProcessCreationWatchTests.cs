using System.Text;
using RustScope.Collectors.Process;

namespace RustScope.Collectors.Tests.Process;

public sealed class ProcessCreationWatchTests
{
    [Fact]
    public void Reads_the_last_allocated_pid_from_a_captured_loadavg()
    {
        var captured = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Process", "TestData", "loadavg.txt"));

        Assert.True(ProcessCreationWatch.TryParseLastPid(captured, out var lastPid));
        Assert.Equal(int.Parse(Encoding.ASCII.GetString(captured).Trim().Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture), lastPid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0.20 0.18 0.12 1/80 ")]
    [InlineData("0.20 0.18 0.12 1/80 12x")]
    [InlineData("garbage")]
    public void Refuses_what_is_not_a_loadavg_line(string content)
    {
        Assert.False(ProcessCreationWatch.TryParseLastPid(Encoding.ASCII.GetBytes(content), out _));
    }

    [Fact]
    public void Discovery_is_skipped_only_after_the_last_pid_stayed_the_same_for_two_checks()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rustscope-loadavg-{Guid.NewGuid():N}");
        File.WriteAllText(path, "0.20 0.18 0.12 1/80 1000\n");
        try
        {
            using var watch = new ProcessCreationWatch(path);
            Assert.Equal([true, true, false, false], Checks(watch, 4));

            File.WriteAllText(path, "0.21 0.18 0.12 2/81 1001\n");
            Assert.Equal([true, true, false], Checks(watch, 3));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Without_a_readable_file_every_discovery_scans()
    {
        using var watch = new ProcessCreationWatch("/nonexistent/loadavg");

        Assert.Equal([true, true, true], Checks(watch, 3));
    }

    private static bool[] Checks(ProcessCreationWatch watch, int count) => [.. Enumerable.Range(0, count).Select(_ => watch.MayHaveNewProcesses())];
}
