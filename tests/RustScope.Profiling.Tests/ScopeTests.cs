using ProfiledLibrary;

namespace RustScope.Profiling.Tests;

/// <summary>Scopes that end on another thread than they started on, as a scope across an await does.</summary>
public sealed class ScopeTests
{
    public ScopeTests() => Profiler.Reset();

    [Fact]
    public void A_scope_ended_on_another_thread_is_recorded_and_leaves_the_entering_threads_stack_intact()
    {
        ProfileScope scope = default;
        using var entered = new ManualResetEventSlim();
        using var ended = new ManualResetEventSlim();
        var entering = new Thread(() =>
        {
            scope = Profiler.Scope("handed over");
            entered.Set();
            ended.Wait();
            Checkout.Add(1, 2);
            Checkout.Outer(TimeSpan.Zero, TimeSpan.Zero);
        });
        var ending = new Thread(() =>
        {
            entered.Wait();
            Checkout.Spin(TimeSpan.FromMilliseconds(5));
            scope.Dispose();
            ended.Set();
        });

        entering.Start();
        ending.Start();
        entering.Join();
        ending.Join();

        var handedOver = Report.Of("handed over");
        Assert.Equal((1L, 1), (handedOver.Calls, handedOver.MaxStackDepth));
        Assert.True(handedOver.MaxNs >= 5_000_000, $"{handedOver.MaxNs} ns");
        Assert.Equal(1, Report.Of("ProfiledLibrary.Checkout.Add").MaxStackDepth);
        var (outer, inner) = (Report.Of("ProfiledLibrary.Checkout.Outer"), Report.Of("ProfiledLibrary.Checkout.Inner"));
        Assert.Equal((1, 2), (outer.MaxStackDepth, inner.MaxStackDepth));
        Report.AssertTotalIsSelfPlusChildren("ProfiledLibrary.Checkout.Outer", "ProfiledLibrary.Checkout.Inner");
    }

    [Fact]
    public async Task A_scope_across_an_await_records_its_wall_time_once()
    {
        using (Profiler.Scope("across await"))
        {
            await Task.Delay(20);
        }

        Checkout.Add(1, 2);

        // Task.Delay's timers run on a coarse clock: it may end a little before 20 ms.
        var across = Report.Of("across await");
        Assert.Equal(1, across.Calls);
        Assert.True(across.MeanNs >= 16_000_000, $"{across.MeanNs} ns");
        Assert.Equal(1, Report.Of("ProfiledLibrary.Checkout.Add").MaxStackDepth);
    }
}
