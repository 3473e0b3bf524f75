using ProfiledLibrary;

namespace RustScope.Profiling.Tests;

/// <summary>
/// A [Profile] synchronous iterator: a call is one enumeration, ended by its last item, an exception, or the
/// consumer's Dispose; each MoveNext is a busy segment, so the consumer's loop body is never the iterator's time.
/// </summary>
public sealed class IteratorRecordingTests
{
    public IteratorRecordingTests() => Profiler.Reset();

    [Fact]
    public void A_call_is_one_enumeration_ended_by_its_end_a_break_or_an_exception_and_reports_its_items()
    {
        Assert.Equal(4, Sequences.Produce(4, TimeSpan.Zero).Count());
        Assert.Equal(3, Sequences.Produce(10, TimeSpan.Zero).Take(3).Count());
        Assert.Throws<InvalidOperationException>(() => Sequences.Produce(10, TimeSpan.Zero, failAt: 2, new InvalidOperationException("planned")).ToList());
        Assert.Throws<OperationCanceledException>(() => Sequences.Produce(10, TimeSpan.Zero, failAt: 1, new OperationCanceledException()).ToList());

        // Items 4 + 3 + 2 + 1 over four enumerations; the finally's nested call is one level down.
        var report = Report.Of("ProfiledLibrary.Sequences.Produce");
        Assert.Equal((4L, 2L, 1L), (report.Calls, report.Exceptions, report.Cancellations));
        Assert.Equal(2.5, report.ItemsPerCall!.Value, 9);
        Assert.Equal(1, report.MaxStackDepth);
        Assert.Equal(2, Report.Of("ProfiledLibrary.Checkout.Add").MaxStackDepth);
    }

    [Fact]
    public void Busy_time_is_the_iterators_own_work_never_the_consumers_loop_body()
    {
        foreach (var _ in Sequences.Produce(2, TimeSpan.Zero))
        {
        }

        Profiler.Reset();
        var own = TimeSpan.Zero;
        foreach (var spin in Sequences.Produce(2, TimeSpan.FromMilliseconds(100)))
        {
            own += spin;
            Checkout.Spin(TimeSpan.FromMilliseconds(150));
        }

        var report = Report.Of("ProfiledLibrary.Sequences.Produce");
        Assert.Equal((1L, 2), (report.Calls, report.ItemsPerCall));
        Assert.InRange(report.BusyNsPerCall!.Value, own.TotalNanoseconds * 0.9, own.TotalNanoseconds * 1.1);
        Assert.InRange(report.MeanNs, own.TotalNanoseconds + TimeSpan.FromMilliseconds(300).TotalNanoseconds, double.MaxValue);
    }
}
