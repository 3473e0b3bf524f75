using System.Globalization;
using RustScope.Cli.Show;
using RustScope.Core.Model;

namespace RustScope.Cli.Tests.Run;

/// <summary>What <c>rustscope show</c> prints for each part of a session, checked figure by figure.</summary>
public sealed class SessionReportTests
{
    private const string Hostile = @"A<b>\uFFFD\[31mred";

    [Fact]
    public void Runs_show_mean_and_standard_deviation_range_and_count_per_metric()
    {
        var text = Render(ShowSessions.Everything());

        Assert.Contains("\nRuns: 3 measured\n", text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^    wall_time\s+1\.1 s ± 100 ms\s+1 s … 1\.2 s\s+3$", text);
        Assert.Matches(@"(?m)^    peak_rss\s+102 MB ± 2 MB\s+100 MB … 104 MB\s+3$", text);
        Assert.Matches(@"(?m)^    cpu_mean\s+60 % ± 10 %\s+50 % … 70 %\s+3$", text);
        Assert.Matches($@"(?m)^    {Hostile} p50\s+2 µs ± 1 µs\s+1 µs … 3 µs\s+3$", text);
    }

    [Fact]
    public void A_single_run_has_no_run_statistics()
    {
        var text = Render(ShowSessions.Everything() with { Runs = [] });

        Assert.DoesNotContain("Runs:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("mean ± σ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sampled_functions_are_ranked_by_self_share_bounded_and_aligned()
    {
        var lines = Render(ShowSessions.Everything(), top: 3).Split('\n');

        var title = Array.IndexOf(lines, "Functions, sampled: top 3 of 13 by self %");
        Assert.True(title >= 0, string.Join('\n', lines));
        var header = lines[title + 1];
        Assert.Matches(@"^    self %  total %  samples  function\s+module$", header);
        Assert.Matches($@"^    40\.5 %   80\.2 %      120  {Hostile}\s+evil\uFFFD\.dll$", lines[title + 2]);
        Assert.Matches(@"^    12\.0 %   12\.0 %       12  Shop\.Filler1\s+Shop$", lines[title + 3]);
        Assert.Matches(@"^    11\.0 %   11\.0 %       11  Shop\.Filler2\s+Shop$", lines[title + 4]);
        Assert.Equal(string.Empty, lines[title + 5]);
        Assert.All(lines[(title + 2)..(title + 5)], row => Assert.Equal(header.IndexOf("module", StringComparison.Ordinal), row.LastIndexOf("  ", StringComparison.Ordinal) + 2));
    }

    [Fact]
    public void Waiting_functions_are_ranked_by_wait_share_apart_from_the_cpu_ones()
    {
        var text = Render(ShowSessions.Everything());

        Assert.Contains("\nFunctions, waiting: top 2 of 2 by wait %\n", text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^    wait %  function\s+module$", text);
        Assert.Matches(@"(?m)^    62\.5 %  Shop\.Waiter\s+Shop$", text);
        Assert.Matches($@"(?m)^     5\.0 %  {Hostile}\s+evil\uFFFD\.dll$", text);
        Assert.DoesNotMatch(@"(?m)^\s+0\.0 %\s+0\.0 %\s+0\s+Shop\.Waiter", text);
    }

    [Fact]
    public void Contended_locks_name_where_they_were_taken_with_count_and_wait()
    {
        var text = Render(ShowSessions.Everything());

        Assert.Contains("\nLock contentions: top 1 of 1 by wait time\n", text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s+wait  times  lock taken in\s+module$", text);
        Assert.Matches($@"(?m)^\s+1\.5 s\s+7  {Hostile}\s+Shop$", text);
    }

    [Fact]
    public void Instrumented_functions_show_their_latencies()
    {
        var text = Render(ShowSessions.Everything());

        Assert.Contains("\nFunctions, instrumented: top 1 of 1 by self time\n", text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^    calls       exceptions  self time     p50   p95   p99  function\s+module$", text);
        Assert.Matches($@"(?m)^     3000  12 \(3 canceled\)       6 ms  1\.5 µs  4 µs  9 µs  {Hostile}  –$", text);
    }

    [Fact]
    public void Allocation_sites_name_the_type_and_the_allocating_function()
    {
        var text = Render(ShowSessions.Everything());

        Assert.Contains("\nAllocation sites: top 1 of 1 by estimated bytes\n", text, StringComparison.Ordinal);
        Assert.Matches($@"(?m)^     5 MB       50  System\.Byte\[\]  {Hostile}$", text);
    }

    [Fact]
    public void Runtime_figures_events_and_warnings_are_summed_up()
    {
        var text = Render(ShowSessions.Everything());

        Assert.Contains("\nRuntime (.NET, 2 one-second samples of the last run)\n", text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  gc collections\s+gen0 5, gen1 1, gen2 0$", text);
        Assert.Matches(@"(?m)^  gc heap\s+max 20 MB$", text);
        Assert.Matches(@"(?m)^  allocation rate\s+mean 200 MB/s, max 300 MB/s$", text);
        Assert.Matches(@"(?m)^  thread-pool threads\s+max 6$", text);
        Assert.Matches(@"(?m)^  thread-pool queue\s+mean 1, max 2$", text);
        Assert.Matches(@"(?m)^  thread-pool work items\s+mean 100/s$", text);
        Assert.Matches(@"(?m)^  gc pauses\s+total 4 ms, max 2\.5 ms in a second$", text);
        Assert.Matches(@"(?m)^  time in gc\s+mean 3 %, max 4 %$", text);
        Assert.Matches(@"(?m)^  lock contentions\s+total 7, max 4/s$", text);
        Assert.Matches(@"(?m)^  jit\s+20 methods compiled, 150 ms compiling$", text);
        Assert.Matches(@"(?m)^  exceptions\s+total 5, max 5/s$", text);
        Assert.Contains("\nEvents: 3 (2 spike, 1 cpu_spike)\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\nWarnings:\n  - the target ended before the first sample\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_control_character_of_a_name_reaches_the_terminal()
    {
        var text = Render(ShowSessions.Everything());

        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.Equal(6, text.Split(ShowSessions.HostileName.Replace('\u001b', '\uFFFD')).Length - 1);
    }

    [Fact]
    public void A_long_name_keeps_its_method_and_drops_its_parameters_then_its_namespace()
    {
        Assert.Equal("Shop.Cart.Total(…)", NameCell.Of("Shop.Cart.Total(class System.Collections.Generic.List`1<int32>,int32)", 30));
        Assert.Equal("Company.Shop.Inv…e.Cart.Total(…)", NameCell.Of("Company.Shop.Inventory.Infrastructure.Cart.Total(int32)", 32));
        Assert.Equal("Shop.Cart.Total(int32)", NameCell.Of("Shop.Cart.Total(int32)", 22));
    }

    private static string Render(ProfileSession session, int top = 10)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        SessionReport.Print(session, output, top);
        return output.ToString();
    }
}
