using ProfiledLibrary;
using RustScope.Profiling.Recording;

namespace RustScope.Profiling.Tests;

/// <summary>[Profile] methods of a referenced library, woven at its build, called from this assembly.</summary>
public sealed class RecordingTests
{
    public RecordingTests() => Profiler.Reset();

    [Fact]
    public void Counts_are_exact_under_concurrency()
    {
        var threads = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                Checkout.Add(i, 1);
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var add = Report.Of("ProfiledLibrary.Checkout.Add");
        Assert.Equal(800_000, add.Calls);
        Assert.Equal(0, add.AllocatedBytesPerCall);
        Assert.Equal(1, add.MaxStackDepth);
    }

    [Fact]
    public void A_nested_call_is_subtracted_from_its_callers_self_time()
    {
        Checkout.Outer(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(30));

        var outer = Report.Of("ProfiledLibrary.Checkout.Outer");
        var inner = Report.Of("ProfiledLibrary.Checkout.Inner");
        Report.AssertTotalIsSelfPlusChildren("ProfiledLibrary.Checkout.Outer", "ProfiledLibrary.Checkout.Inner");
        Assert.True(inner.TotalNs >= 30_000_000, $"inner {inner.TotalNs} ns");
        Assert.True(outer.SelfNs >= 20_000_000, $"outer self {outer.SelfNs} ns");
        Assert.Equal(2, inner.MaxStackDepth);
    }

    [Fact]
    public void Recursive_calls_count_once_each_and_self_times_add_up_to_the_outermost_call()
    {
        Checkout.Recurse(5, TimeSpan.FromMilliseconds(2));

        var recurse = Report.Of("ProfiledLibrary.Checkout.Recurse");
        Assert.Equal(5, recurse.Calls);
        Assert.Equal(5, recurse.MaxStackDepth);
        Assert.True(recurse.MaxNs >= 10_000_000);
        Assert.InRange(recurse.SelfNs, (long)recurse.MaxNs, (long)recurse.MaxNs + 1);
        Assert.True(recurse.TotalNs > recurse.SelfNs * 2);
    }

    [Fact]
    public void Allocations_per_call_are_exact()
    {
        for (var i = 0; i < 10; i++)
        {
            Checkout.Allocate(10_000);
        }

        // A byte[10000] is 10000 bytes plus a 24-byte header on 64-bit.
        Assert.Equal(10_024, Report.Of("ProfiledLibrary.Checkout.Allocate").AllocatedBytesPerCall);
    }

    [Fact]
    public void Exceptions_are_counted_and_still_end_the_call()
    {
        Checkout.Throw(fail: false);
        Assert.Throws<InvalidOperationException>(() => Checkout.Throw(fail: true));

        var thrower = Report.Of("ProfiledLibrary.Checkout.Throw");
        Assert.Equal((2L, 1L, 0L), (thrower.Calls, thrower.Exceptions, thrower.Cancellations));
        Checkout.Add(1, 1);
        Assert.Equal(1, Report.Of("ProfiledLibrary.Checkout.Add").MaxStackDepth);
    }

    [Fact]
    public void Percentiles_never_exceed_the_maximum_while_other_threads_record()
    {
        using var stop = new CancellationTokenSource();
        var recording = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Checkout.Add(1, 2);
            }
        });
        recording.Start();
        try
        {
            for (var snapshot = 0; snapshot < 300; snapshot++)
            {
                if (Profiler.Functions().SingleOrDefault(f => f.Name == "ProfiledLibrary.Checkout.Add") is { } add)
                {
                    Assert.True(add.P50Ns <= add.P95Ns && add.P95Ns <= add.P99Ns && add.P99Ns <= add.MaxNs, $"p50 {add.P50Ns} p95 {add.P95Ns} p99 {add.P99Ns} max {add.MaxNs}");
                }
            }
        }
        finally
        {
            stop.Cancel();
            recording.Join();
        }
    }

    [Fact]
    public void A_thread_gets_slots_only_for_the_functions_it_calls_and_they_are_not_charged_to_its_calls()
    {
        ThreadRecorder? recorder = null;
        var thread = new Thread(() =>
        {
            // Inner's first call creates its slot inside Outer: those bytes are the profiler's, not Outer's.
            Checkout.Outer(TimeSpan.Zero, TimeSpan.Zero);
            recorder = FunctionRegistry.Current;
        });
        thread.Start();
        thread.Join();

        Assert.Equal(2, recorder!.Slots.Count(s => s is not null));
        Assert.Equal(0, Report.Of("ProfiledLibrary.Checkout.Outer").AllocatedBytesPerCall);
        Assert.Equal(0, Report.Of("ProfiledLibrary.Checkout.Inner").AllocatedBytesPerCall);
    }

    [Fact]
    public void Overloads_are_recorded_apart_with_their_parameter_types()
    {
        Checkout.Scale(3);
        Checkout.Scale(1.5);
        Checkout.Scale(2.5);

        Assert.Equal(1, Report.Of("ProfiledLibrary.Checkout.Scale(Int32)").Calls);
        Assert.Equal(2, Report.Of("ProfiledLibrary.Checkout.Scale(Double)").Calls);
        Assert.DoesNotContain(Profiler.Functions(), f => f.Name == "ProfiledLibrary.Checkout.Scale");
    }

    [Fact]
    public void Profile_on_a_class_records_each_of_its_methods()
    {
        var inventory = new Inventory();
        inventory.Add(3);
        inventory.Remove(1);
        inventory.Remove(5);

        Assert.Equal(1, Report.Of("ProfiledLibrary.Inventory.Add").Calls);
        Assert.Equal(2, Report.Of("ProfiledLibrary.Inventory.Remove").Calls);
        Assert.DoesNotContain(Profiler.Functions(), f => f.Name.Contains("get_Count", StringComparison.Ordinal));
    }

    [Fact]
    public void Scopes_are_recorded_like_methods()
    {
        for (var i = 0; i < 3; i++)
        {
            using var _ = Profiler.Scope("parse");
            Checkout.Inner(TimeSpan.FromMilliseconds(1));
        }

        var parse = Report.Of("parse");
        Assert.Equal(3, parse.Calls);
        Report.AssertTotalIsSelfPlusChildren("parse", "ProfiledLibrary.Checkout.Inner");
    }

    [Fact]
    public void The_histogram_gives_ordered_percentiles_near_the_truth()
    {
        for (var i = 0; i < 20; i++)
        {
            Checkout.Inner(TimeSpan.FromMilliseconds(i < 19 ? 1 : 20));
        }

        var inner = Report.Of("ProfiledLibrary.Checkout.Inner");
        Assert.True(inner.P50Ns <= inner.P95Ns && inner.P95Ns <= inner.P99Ns && inner.P99Ns <= inner.MaxNs * 1.07);
        Assert.InRange(inner.P50Ns, 0.94e6, 5e6);
        Assert.True(inner.MaxNs >= 20e6);
    }
}
