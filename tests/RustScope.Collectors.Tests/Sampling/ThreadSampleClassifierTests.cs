using Microsoft.Diagnostics.Tracing.EventPipe;
using RustScope.Collectors.Sampling.EventPipe;
using RustScope.Core.Model;

namespace RustScope.Collectors.Tests.Sampling;

/// <summary>Running or waiting, from the sample's type and its innermost managed frame as .NET 10 names them.</summary>
public sealed class ThreadSampleClassifierTests
{
    [Theory]
    [InlineData("SamplingTarget.Waits.Spin(int64)")]
    [InlineData("System.Threading.Monitor.Enter(class System.Object,bool&)")]
    [InlineData("System.Text.RegularExpressions.RegexInterpreter.Scan(value class System.ReadOnlySpan`1<wchar>)")]
    public void Managed_code_outside_the_waiting_primitives_is_running(string leaf) =>
        Assert.False(ThreadSampleClassifier.IsWaiting(ClrThreadSampleType.Managed, new StackFrame { Name = leaf }));

    [Theory]
    [InlineData("System.Threading.Thread.Sleep(int32)")]
    [InlineData("System.Threading.Monitor.Enter_Slowpath(class System.Object)")]
    [InlineData("System.Threading.WaitHandle.WaitMultiple(value class System.ReadOnlySpan`1<class System.Threading.WaitHandle>,bool,int32)")]
    [InlineData("System.Threading.Thread.<PollGC>g__PollGCWorker|67_0()")]
    [InlineData("System.Threading.LowLevelSpinWaiter.Wait(int32,int32,bool)")]
    [InlineData("System.Threading.SpinWait.SpinOnceCore(int32)")]
    [InlineData("System.Threading.Monitor.Exit_Slowpath(class System.Object)")]
    public void Managed_samples_in_a_waiting_primitive_are_waiting(string leaf) =>
        Assert.True(ThreadSampleClassifier.IsWaiting(ClrThreadSampleType.Managed, new StackFrame { Name = leaf }));

    [Fact]
    public void External_samples_are_waiting_whatever_their_frame() =>
        Assert.True(ThreadSampleClassifier.IsWaiting(ClrThreadSampleType.External, new StackFrame { Name = "SamplingTarget.Waits.Spin(int64)" }));
}
