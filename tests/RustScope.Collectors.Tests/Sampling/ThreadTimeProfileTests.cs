using RustScope.Collectors.Sampling;
using RustScope.Core.Model;

namespace RustScope.Collectors.Tests.Sampling;

/// <summary>Running and waiting samples kept apart: CPU shares of running samples only, wait shares of waiting ones.</summary>
public sealed class ThreadTimeProfileTests
{
    private static readonly StackFrame Main = new() { Name = "Main", Module = "app" };
    private static readonly StackFrame Spin = new() { Name = "Spin", Module = "app" };
    private static readonly StackFrame Sleep = new() { Name = "Thread.Sleep", Module = "corelib" };
    private static readonly StackFrame Worker = new() { Name = "Worker", Module = "app" };

    [Fact]
    public void Cpu_shares_count_running_samples_and_wait_shares_waiting_ones()
    {
        var profile = new ThreadTimeProfile();
        profile.Add([Main, Spin], 3, SampleOrigin.Unknown, waiting: false);
        profile.Add([Main, Sleep], 1, SampleOrigin.Unknown, waiting: true);
        profile.Add([Worker, Sleep], 3, SampleOrigin.Unknown, waiting: true);

        var functions = profile.Functions();

        Assert.Equal(["Spin", "Main", "Thread.Sleep", "Worker"], functions.Select(f => f.Name));
        Assert.Equal((100.0, 100.0, 0.0), Shares(functions[0]));
        Assert.Equal((0.0, 100.0, 25.0), Shares(functions[1]));
        // Seen only waiting: after the CPU functions, by wait share, with no CPU share and no running sample.
        Assert.Equal((0.0, 0.0, 100.0), Shares(functions[2]));
        Assert.Equal((0.0, 0.0, 75.0), Shares(functions[3]));
        Assert.Equal(0, functions[3].Calls);
        Assert.Equal(3, profile.CpuWeight);
        Assert.Equal([3.0], profile.CpuStacks()!.Samples.Select(s => s.Weight));
        Assert.Equal([3.0, 1.0], profile.WaitStacks()!.Samples.Select(s => s.Weight));
    }

    [Fact]
    public void Without_waiting_samples_there_are_no_wait_stacks()
    {
        var profile = new ThreadTimeProfile();
        profile.Add([Main, Spin], 1, SampleOrigin.Unknown, waiting: false);

        Assert.Null(profile.WaitStacks());
        Assert.Equal(0, Assert.Single(profile.Functions(), f => f.Name == "Spin").WaitPct);
    }

    private static (double? Self, double? Total, double? Wait) Shares(FunctionProfile function) => (function.SelfPct, function.TotalPct, function.WaitPct);
}
