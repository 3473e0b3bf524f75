using ProfiledLibrary;

namespace RustScope.Profiling.Tests;

/// <summary>
/// [Profile] async methods of every kind, woven at the fixture library's build. Busy time is wall time within the
/// method's own segments, so the fixtures' own work is a spin that reports how long it took: on a loaded machine a
/// spin preempted at its end lasts longer, and the expected busy time is what it took.
/// </summary>
public sealed class AsyncRecordingTests
{
    private const int Calls = 20;
    private static readonly TimeSpan OwnWork = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan CallerWork = TimeSpan.FromMilliseconds(300);
    private static byte[]? s_sink;

    public AsyncRecordingTests() => Profiler.Reset();

    [Fact]
    public async Task An_async_call_records_its_wall_time_and_its_own_busy_time_apart()
    {
        var delay = TimeSpan.FromMilliseconds(50);
        await WarmAsync(() => Checkout.AwaitThenSpinAsync(TimeSpan.FromMilliseconds(1), TimeSpan.Zero));
        var own = await Checkout.AwaitThenSpinAsync(delay, OwnWork);
        await Checkout.RenamedAsync();

        // The call ends before its task completes: the report is complete when the await resumes.
        var report = Report.Of("ProfiledLibrary.Checkout.AwaitThenSpinAsync");
        Assert.Equal((1, 1), (report.Calls, report.MaxStackDepth));
        // Task.Delay's timers run on a coarse clock (milliseconds, 4 ms ticks on some kernels): it may end a little early.
        Assert.InRange(report.MeanNs, ((delay * 0.8) + own).TotalNanoseconds, double.MaxValue);
        AssertWithinTenPercent(own, report.BusyNsPerCall);
        Assert.Equal(1, Report.Of("Checkout.Renamed").Calls);
    }

    [Fact]
    public async Task Busy_time_is_the_methods_own_work_never_the_awaiting_callers_inline_continuation()
    {
        // The callee completes on a pool thread and its completion runs the caller's continuation inline, there: the
        // caller's work after the await runs inside the callee's last MoveNext.
        await WarmAsync(() => AsyncWork.SpinAfterYieldAsync(TimeSpan.Zero));
        var own = await Task.Run(async () =>
        {
            var spin = await AsyncWork.SpinAfterYieldAsync(OwnWork).ConfigureAwait(false);
            Checkout.Spin(CallerWork);
            return spin;
        });

        var report = Report.Of("ProfiledLibrary.AsyncWork.SpinAfterYieldAsync");
        AssertWithinTenPercent(own, report.BusyNsPerCall);
        Assert.InRange(report.MeanNs, report.BusyNsPerCall!.Value, double.MaxValue);
        Assert.Equal(1, report.MaxStackDepth);
    }

    [Fact]
    public async Task Async_self_time_subtracts_nested_calls_and_allocations_and_depth_come_from_the_segments()
    {
        var buffer = await Checkout.NestThenAllocateAsync(TimeSpan.FromMilliseconds(5), 10_000);

        var report = Report.Of("ProfiledLibrary.Checkout.NestThenAllocateAsync");
        var inner = Report.Of("ProfiledLibrary.Checkout.Inner");
        Assert.Equal(10_000, buffer.Length);
        Report.AssertTotalIsSelfPlusChildren("ProfiledLibrary.Checkout.NestThenAllocateAsync", "ProfiledLibrary.Checkout.Inner");
        Assert.True(inner.TotalNs >= 5_000_000, $"inner {inner.TotalNs} ns");

        // The array (10 000 bytes and a 24-byte header) and the state machine's box when it first awaits. At a load of
        // 35 the 5 ms timer's continuation once also paid for the pool's bookkeeping on its thread (14 368 bytes): the
        // bound is below a second array, which is what a profiler that charged the nested call twice would show.
        Assert.InRange(report.AllocatedBytesPerCall, 10_024, 20_000);
        Assert.Equal((1, 2), (report.MaxStackDepth, inner.MaxStackDepth));
    }

    [Fact]
    public void Allocations_per_call_are_the_state_machine_never_the_profilers_or_the_awaiting_codes()
    {
        // On a thread of its own: no synchronization context, whose Post would allocate when a call yields.
        long[] twin = [], profiled = [];
        FunctionReport? warm = null;
        var caller = new Thread(() =>
        {
            // First calls compile the code and create this thread's slot.
            AllocatedPerCall(UnprofiledAsyncWork.YieldAsync);
            AllocatedPerCall(AsyncWork.YieldAsync);
            warm = Report.Of("ProfiledLibrary.AsyncWork.YieldAsync");
            twin = AllocatedPerCall(UnprofiledAsyncWork.YieldAsync);
            profiled = AllocatedPerCall(AsyncWork.YieldAsync);
        });
        caller.Start();
        caller.Join();

        // The box of the state machine, which the weaver makes 8 bytes larger (the call's start time): nothing else,
        // not even the continuation that allocates inline when each task completes. The thread pool may allocate now
        // and then when a call queues its continuation (a new worker): the least a call allocated is the box alone.
        var report = Report.Of("ProfiledLibrary.AsyncWork.YieldAsync");
        var reported = ((report.AllocatedBytesPerCall * report.Calls) - (warm!.AllocatedBytesPerCall * warm.Calls)) / (report.Calls - warm.Calls);
        Assert.Equal(twin.Min() + 8, profiled.Min());
        Assert.Equal(profiled.Average(), reported, 6);
    }

    [Fact]
    public async Task Calls_that_complete_synchronously_allocate_nothing_for_the_profiler()
    {
        // First calls compile the code and create this thread's slots.
        await AsyncWork.ValueOfAsync(1, yield: false);
        await AsyncWork.FinishAsync(yield: false, fail: false, CancellationToken.None);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var value = await AsyncWork.ValueOfAsync(21, yield: false);
        await AsyncWork.FinishAsync(yield: false, fail: false, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal((42, 0L), (value, allocated));
        Assert.Equal(0, Report.Of("ProfiledLibrary.AsyncWork.ValueOfAsync").AllocatedBytesPerCall);
        Assert.Equal(0, Report.Of("ProfiledLibrary.AsyncWork.FinishAsync").AllocatedBytesPerCall);
    }

    [Fact]
    public async Task Canceled_and_faulted_calls_sync_or_async_are_exceptions_and_canceled_ones_are_counted_apart_too()
    {
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await AsyncWork.FinishAsync(yield: true, fail: false, CancellationToken.None);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AsyncWork.FinishAsync(yield: true, fail: false, canceled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AsyncWork.FinishAsync(yield: false, fail: false, canceled.Token));
        await Assert.ThrowsAsync<InvalidOperationException>(() => AsyncWork.FinishAsync(yield: true, fail: true, CancellationToken.None));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await AsyncWork.ValueTaskAsync(canceled.Token));

        Checkout.ThrowIfCanceled(CancellationToken.None);
        Assert.Throws<OperationCanceledException>(() => Checkout.ThrowIfCanceled(canceled.Token));

        var finish = Report.Of("ProfiledLibrary.AsyncWork.FinishAsync");
        Assert.Equal((4L, 3L, 2L), (finish.Calls, finish.Exceptions, finish.Cancellations));
        var valueTask = Report.Of("ProfiledLibrary.AsyncWork.ValueTaskAsync");
        Assert.Equal((1L, 1L, 1L), (valueTask.Calls, valueTask.Exceptions, valueTask.Cancellations));
        var sync = Report.Of("ProfiledLibrary.Checkout.ThrowIfCanceled");
        Assert.Equal((2L, 1L, 1L), (sync.Calls, sync.Exceptions, sync.Cancellations));
    }

    [Fact]
    public async Task ValueTask_and_generic_async_methods_are_measured_like_task_methods()
    {
        Assert.Equal(4, await AsyncWork.ValueOfAsync(2, yield: true));
        Assert.Equal(6, await AsyncWork.ValueOfAsync(3, yield: false));
        await AsyncWork.ValueTaskAsync(CancellationToken.None);
        Assert.Equal(7, await AsyncWork.EchoAsync(7));
        Assert.Equal("seven", await AsyncWork.EchoAsync("seven"));

        foreach (var (name, calls) in new[] { ("ValueOfAsync", 2L), ("ValueTaskAsync", 1L), ("EchoAsync", 2L) })
        {
            var report = Report.Of($"ProfiledLibrary.AsyncWork.{name}");
            Assert.Equal((calls, 0L, 1), (report.Calls, report.Exceptions, report.MaxStackDepth));
            Assert.True(report.BusyNsPerCall > 0, $"{name}: busy {report.BusyNsPerCall} ns");
        }
    }

    [Fact]
    public async Task A_top_level_async_call_is_at_depth_one_even_when_it_resumes_inside_the_call_it_awaited()
    {
        Assert.Equal(3, await Task.Run(() => AsyncWork.OuterAsync(1)));

        Assert.Equal(1, Report.Of("ProfiledLibrary.AsyncWork.OuterAsync").MaxStackDepth);
        Assert.Equal(2, Report.Of("ProfiledLibrary.AsyncWork.YieldAsync").MaxStackDepth);
    }

    [Fact]
    public async Task An_async_iterator_call_is_one_enumeration_and_reports_its_items()
    {
        var all = new List<TimeSpan>();
        await foreach (var item in AsyncWork.ProduceAsync(4, TimeSpan.Zero))
        {
            all.Add(item);
        }

        var seen = 0;
        await foreach (var _ in AsyncWork.ProduceAsync(10, TimeSpan.Zero))
        {
            if (++seen == 3)
            {
                break;
            }
        }

        using var cancellation = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in AsyncWork.ProduceAsync(10, TimeSpan.Zero).WithCancellation(cancellation.Token))
            {
                await cancellation.CancelAsync();
            }
        });

        // Four items, three before the break, one before the cancellation.
        var report = Report.Of("ProfiledLibrary.AsyncWork.ProduceAsync");
        Assert.Equal(4, all.Count);
        Assert.Equal((3L, 1L, 1L), (report.Calls, report.Exceptions, report.Cancellations));
        Assert.Equal(8.0 / 3, report.ItemsPerCall!.Value, 9);
        Assert.Equal(1, report.MaxStackDepth);
    }

    [Fact]
    public async Task An_async_iterators_busy_time_leaves_out_the_consumers_loop_body()
    {
        // Each item is produced on a pool thread after an await; signalling it runs the consumer's loop body inline.
        const int Items = 2;
        await WarmAsync(() => EnumerateAsync(Items, TimeSpan.Zero, TimeSpan.Zero));
        var own = await EnumerateAsync(Items, OwnWork / Items, CallerWork / Items);

        var report = Report.Of("ProfiledLibrary.AsyncWork.ProduceAsync");
        Assert.Equal((1L, Items), (report.Calls, report.ItemsPerCall));
        AssertWithinTenPercent(own, report.BusyNsPerCall);
        Assert.InRange(report.MeanNs, own.TotalNanoseconds, double.MaxValue);
    }

    /// <summary>Enumerates on a pool thread, spinning in the loop body; returns how long the producer's spins took.</summary>
    private static Task<TimeSpan> EnumerateAsync(int items, TimeSpan perItem, TimeSpan consumerPerItem) => Task.Run(async () =>
    {
        var produced = TimeSpan.Zero;
        await foreach (var spin in AsyncWork.ProduceAsync(items, perItem).ConfigureAwait(false))
        {
            produced += spin;
            Checkout.Spin(consumerPerItem);
        }

        return produced;
    });

    private static void AssertWithinTenPercent(TimeSpan own, double? busyNs) =>
        Assert.InRange(busyNs!.Value, own.TotalNanoseconds * 0.9, own.TotalNanoseconds * 1.1);

    /// <summary>A first call compiles the code (on a loaded machine, milliseconds of busy time); then the figures are reset.</summary>
    private static async Task WarmAsync(Func<Task> call)
    {
        await call();
        Profiler.Reset();
    }

    /// <summary>
    /// Bytes the calling thread allocates in each call until it returns its (pending) task. Each task gets a
    /// continuation that allocates when it runs, inline in the call's completion.
    /// </summary>
    private static long[] AllocatedPerCall(Func<int, Task<int>> call)
    {
        var allocated = new long[Calls];
        for (var i = 0; i < Calls; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var task = call(i);
            allocated[i] = GC.GetAllocatedBytesForCurrentThread() - before;
            _ = task.ContinueWith(static _ => s_sink = new byte[1_000], CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            task.Wait();
        }

        GC.KeepAlive(s_sink);
        return allocated;
    }
}
