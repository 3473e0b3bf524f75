using RustScope.Core.Budgets;
using RustScope.Core.Comparison;
using static RustScope.Reporters.Tests.Verdicts.SessionFactory;

namespace RustScope.Reporters.Tests.Verdicts;

/// <summary>
/// Comparisons the real comparer judged, which between them give every verdict and every reason a metric can be
/// inconclusive for: what the reports must render consistently.
/// </summary>
internal static class VerdictResults
{
    private const string Budget = """
        version: 1
        targets:
          - name: checkout
            budgets:
              process: { wall_time: 10s, peak_rss: 150MB, gc_count: 10 }
              functions:
                "Shop.New": { p95: 1us }
        """;

    public static TheoryData<string> Names() => [.. All().Keys];

    public static IReadOnlyDictionary<string, ComparisonResult> All() => new Dictionary<string, ComparisonResult>
    {
        ["ten runs a side"] = SessionComparer.Compare(Baseline(10), Head(10), Options()),
        // The same, with other processes taking most of the machine while head ran: its slower wall time is the machine's.
        ["ten runs a side, head on a busier machine"] = SessionComparer.Compare(
            OnMachine(Baseline(10), new() { OtherCpuShare = 0.03, CpuPressureShare = 0.02 }),
            OnMachine(Head(10), new() { OtherCpuShare = 0.71, CpuPressureShare = 0.85 }),
            Options()),
        // A process idling at 0.6 % of a core: small percentages must show enough digits for their change.
        ["three runs a side"] = SessionComparer.Compare(
            Session(3, i => 2 * Spread(i, 3), i => 100 * Spread(i, 1, 3), i => 0.6 * Spread(i, 1, 5)),
            Session(3, i => 2.5 * Spread(i, 3, 1), i => 100 * Spread(i, 1, 3), i => 0.6 * Spread(i, 1, 5)),
            Options()),
        ["one run a side"] = SessionComparer.Compare(Baseline(1), Head(1), Options()),
        ["budgets only"] = SessionComparer.Check(Head(10), Options()),
    };

    private static ComparisonOptions Options() => new()
    {
        Budget = BudgetFile.Parse(Budget, "perf/rustscope.yml"),
        BaselineName = "perf/baseline.json",
        HeadName = "obj/rustscope/checkout.json",
    };

    private static Core.Model.ProfileSession OnMachine(Core.Model.ProfileSession session, Core.Model.MachineLoad load) =>
        session with { Meta = session.Meta with { MachineLoad = load } };

    private static Core.Model.ProfileSession Baseline(int runs) => Session(runs, i => 2 * Spread(i), i => 100 * Spread(i, 1, 3), i => 95 * Spread(i, 1, 5),
        new FunctionFigures("Shop.Fast", i => 1e6 * Spread(i, 1, 7)),
        new FunctionFigures("Shop.Noisy", i => 1e6 * Spread(i, 10, 2)),
        new FunctionFigures("Shop.Steady", i => 1e6 * Spread(i, 1.9, 4)),
        new FunctionFigures("Shop.Old", i => 2e5 * Spread(i)),
        new FunctionFigures("Shop.Broken", i => 3e5 * Spread(i)));

    // Wall time 30 % slower, memory over its budget, Shop.Fast 30 % faster, Shop.Noisy 10 % slower in ±30 % noise.
    private static Core.Model.ProfileSession Head(int runs) => Session(runs, i => 2.6 * Spread(i), i => 160 * Spread(i, 1, 3), i => 95 * Spread(i, 1, 5),
        new FunctionFigures("Shop.Fast", i => 7e5 * Spread(i, 1, 7)),
        new FunctionFigures("Shop.Noisy", i => 1.1e6 * Spread(i, 10, 6)),
        new FunctionFigures("Shop.Steady", i => 1e6 * Spread(i, 1.9, 9)),
        new FunctionFigures("Shop.New", i => 5e5 * Spread(i)),
        new FunctionFigures("Shop.Broken", i => i == 1 ? double.NaN : 3e5 * Spread(i)));
}
