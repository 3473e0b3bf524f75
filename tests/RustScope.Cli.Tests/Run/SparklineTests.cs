using RustScope.Cli.Live;

namespace RustScope.Cli.Tests.Run;

public sealed class SparklineTests
{
    [Fact]
    public void Ten_statuses_a_second_make_one_column_a_second_covering_the_last_minute()
    {
        var cpu = new Sparkline(60);

        // 90 s at 10 Hz: the odd seconds at 100 %, the even ones at 0 % (the second's last reading counts).
        for (var status = 0; status < 900; status++)
        {
            var elapsed = status / 10.0;
            cpu.Record(elapsed, (long)elapsed % 2 == 1 ? 100 : status % 10 == 9 ? 0 : 100, static (_, latest) => latest);
        }

        var chart = cpu.Render(100, 60);
        Assert.Equal(60, chart.Length);
        Assert.Equal(string.Concat(Enumerable.Repeat(" █", 30)), chart);
    }

    [Fact]
    public void Within_a_second_memory_keeps_the_highest_reading_and_a_short_history_is_right_aligned()
    {
        var memory = new Sparkline(60);

        memory.Record(0.1, 80, Math.Max);
        memory.Record(0.5, 40, Math.Max);
        memory.Record(1.2, 40, Math.Max);

        Assert.Equal("   █▄", memory.Render(1, 5));
    }
}
