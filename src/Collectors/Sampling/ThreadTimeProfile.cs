using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling;

/// <summary>
/// Samples of every thread, running or waiting, kept in two profiles: the CPU one (<c>stacks</c>, self and total shares)
/// and the waiting one (<c>wait_stacks</c>, <c>wait_pct</c>), so CPU shares stay shares of running time.
/// </summary>
internal sealed class ThreadTimeProfile
{
    private readonly StackAggregator _cpu = new();
    private readonly StackAggregator _wait = new();

    /// <summary>Weight of the CPU samples added.</summary>
    public double CpuWeight => _cpu.TotalWeight;

    /// <summary>Adds a sample (see <see cref="StackAggregator.Add"/>) to the CPU or the waiting profile.</summary>
    public void Add(IReadOnlyList<StackFrame> rootFirst, double weight, SampleOrigin origin, bool waiting) =>
        (waiting ? _wait : _cpu).Add(rootFirst, weight, origin);

    /// <summary>Names a thread in both profiles.</summary>
    public void NameThread(int pid, int tid, string name)
    {
        _cpu.NameThread(pid, tid, name);
        _wait.NameThread(pid, tid, name);
    }

    /// <summary>
    /// The CPU functions by self share with their wait share added, then the functions seen only waiting (no CPU share),
    /// by wait share.
    /// </summary>
    public IReadOnlyList<FunctionProfile> Functions()
    {
        var waiting = _wait.Functions();
        var waitShares = waiting.ToDictionary(f => (f.Name, f.Module), f => f.TotalPct);
        var cpu = _cpu.Functions();
        var onCpu = cpu.Select(f => (f.Name, f.Module)).ToHashSet();
        return
        [
            .. cpu.Select(f => f with { WaitPct = waitShares.GetValueOrDefault((f.Name, f.Module)) ?? 0 }),
            .. waiting
                .Where(f => !onCpu.Contains((f.Name, f.Module)))
                .OrderByDescending(f => f.TotalPct)
                .Select(f => f with { Calls = 0, SelfPct = 0, TotalPct = 0, WaitPct = f.TotalPct }),
        ];
    }

    /// <summary>Stacks of running threads; null when none was sampled.</summary>
    public StackProfile? CpuStacks() => _cpu.Stacks();

    /// <summary>Stacks of waiting threads; null when none was sampled.</summary>
    public StackProfile? WaitStacks() => _wait.Stacks();
}
