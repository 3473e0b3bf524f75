using RustScope.Core.Comparison;
using RustScope.Core.Model;

namespace RustScope.Viewer.Tests.Infrastructure;

/// <summary>
/// Sessions built in code, so the tests need no profiler: a checkout whose hottest function by self weight
/// (<see cref="Hottest"/>) is not the widest frame, framework frames between user frames, and a slower head.
/// </summary>
internal static class Sessions
{
    public const string Main = "Program.Main";
    public const string Pay = "Shop.Checkout.Pay";
    public const string Hottest = "Shop.Checkout.ComputeTax";
    public const string Sum = "System.Linq.Enumerable.Sum";
    public const string Browse = "Shop.Catalog.Browse";
    public const string Sort = "System.Collections.Generic.List.Sort";
    public const string Compare = "Shop.Catalog.Compare";

    /// <summary>Of 1,000 samples: ComputeTax 320 self, Compare 250 (under List.Sort), Sum 200, Browse 150, Pay 80.</summary>
    public static ProfileSession Checkout(double taxWeight = 320, string hottest = Hottest) => Session(
        [Main, Pay, hottest, Sum, Browse, Sort, Compare],
        ([0, 1, 2], taxWeight), ([0, 4, 5, 6], 250), ([0, 1, 3], 200), ([0, 4], 150), ([0, 1], 80));

    /// <summary>The same checkout with ComputeTax three times as slow.</summary>
    public static ProfileSession SlowerCheckout() => Checkout(taxWeight: 960);

    /// <summary>What <c>compare</c> says of <paramref name="head"/> against <paramref name="baseline"/>.</summary>
    public static ComparisonResult Compared(ProfileSession baseline, ProfileSession head) =>
        SessionComparer.Compare(baseline, head, new ComparisonOptions { BaselineName = "base.json", HeadName = "head.json" });

    private static ProfileSession Session(string[] frames, params (int[] Stack, double Weight)[] samples)
    {
        var total = samples.Sum(static s => s.Weight);
        return new ProfileSession
        {
            SchemaVersion = SessionJson.CurrentSchemaVersion,
            Meta = new SessionMeta { Project = "shop", StartTs = 1_700_000_000_000, EndTs = 1_700_000_000_000 + (long)total, TargetBinary = "/usr/bin/dotnet", Args = ["Shop.dll"] },
            Summary = new SessionSummary { DurationS = total / 1000, CpuPctMean = 95, CpuPctMax = 100, PeakRssMb = 64, PeakThreads = 8, PeakFds = 20, EventCount = 0 },
            Samples = [.. Enumerable.Range(0, 3).Select(i => new Sample { Ts = 1_700_000_000_000 + (i * 1000), CpuPct = 90 + i, HeapMb = 40 + (i * 10), Threads = 8, Fds = 20 })],
            Stacks = new StackProfile
            {
                Frames = [.. frames.Select(static name => new StackFrame { Name = name, Module = name.StartsWith("System.", StringComparison.Ordinal) ? "System.Private.CoreLib" : "Shop" })],
                Samples = [.. samples.Select(static s => new StackSample { Stack = s.Stack, Weight = s.Weight })],
            },
        };
    }
}
