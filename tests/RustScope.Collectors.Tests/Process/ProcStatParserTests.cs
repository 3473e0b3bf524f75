using System.Text;
using RustScope.Collectors.Process;

namespace RustScope.Collectors.Tests.Process;

public sealed class ProcStatParserTests
{
    private static byte[] Captured(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Process", "TestData", name));

    [Fact]
    public void Parses_a_plain_process()
    {
        Assert.True(ProcStatParser.TryParse(Captured("stat-cat.txt"), out var stat));

        Assert.Equal(new ProcStat(8116, 'R', 8107, 0, 0, 0, 0, 1, 665788, 390), stat);
        Assert.Equal("cat", ProcStatParser.ParseName(Captured("stat-cat.txt")));
    }

    [Fact]
    public void A_name_with_spaces_and_parentheses_does_not_shift_the_fields()
    {
        var content = Captured("stat-name-with-parens.txt");

        Assert.True(ProcStatParser.TryParse(content, out var stat));

        Assert.Equal(new ProcStat(8112, 'S', 1, 0, 0, 0, 0, 1, 665755, 423), stat);
        Assert.Equal("we) ird (na", ProcStatParser.ParseName(content));
    }

    [Fact]
    public void Reads_cpu_ticks_and_threads_of_a_busy_process()
    {
        Assert.True(ProcStatParser.TryParse(Captured("stat-init.txt"), out var stat));

        Assert.Equal((419L, 1126L, 13, 4154L), (stat.UserTicks, stat.SystemTicks, stat.Threads, stat.RssPages));
        Assert.Equal(1545, stat.CpuTicks);
        Assert.Equal(7284 + 1247, stat.ReapedChildTicks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12 (x) S 1 2 3")]
    [InlineData("not a stat line at all")]
    [InlineData("12 (x")]
    public void Truncated_or_foreign_content_is_refused(string content)
    {
        Assert.False(ProcStatParser.TryParse(Encoding.UTF8.GetBytes(content), out _));
    }

    [Fact]
    public void Reads_this_test_process_live()
    {
        var probe = ProcessProbe.TryOpen(Environment.ProcessId);

        Assert.NotNull(probe);
        using (probe)
        {
            Assert.True(probe.Refresh(countFds: true));
            Assert.Equal(Environment.ProcessId, probe.Last.Pid);
            Assert.True(probe.Last.Threads >= 2);
            Assert.True(probe.Last.RssPages > 0);
            Assert.True(probe.LastFds >= 3);
        }
    }
}
