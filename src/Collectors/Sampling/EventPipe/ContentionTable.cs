using Microsoft.Diagnostics.Tracing.Etlx;
using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// Pairs the runtime's ContentionStart and ContentionStop events per thread and sums, per call stack of the start
/// (where the lock was asked for), how often a lock was found taken and how long threads waited for it.
/// </summary>
internal sealed class ContentionTable
{
    public const int MaxEntries = 100;

    // Lock code of the runtime library: the function that asked for the lock is the first frame outside it.
    private static readonly string[] LockCodePrefixes = ["System.Threading.Monitor.", "System.Threading.Lock.", "System.Threading.Lock+"];

    private readonly Dictionary<int, (CallStackIndex Stack, double StartMs)> _open = [];
    private readonly Dictionary<CallStackIndex, (long Count, double WaitMs)> _byStack = [];

    /// <summary>Counts the contention events <paramref name="source"/> delivers.</summary>
    public void Listen(TraceLogEventSource source)
    {
        source.Clr.ContentionStart += data => _open[data.ThreadID] = (data.CallStackIndex(), data.TimeStampRelativeMSec);
        source.Clr.ContentionStop += data =>
        {
            if (_open.Remove(data.ThreadID, out var start))
            {
                // .NET 8+ measures the wait itself; older runtimes leave it 0, and the events' distance stands in.
                var waitMs = data.DurationNs > 0 ? data.DurationNs / 1e6 : data.TimeStampRelativeMSec - start.StartMs;
                var total = _byStack.GetValueOrDefault(start.Stack);
                _byStack[start.Stack] = (total.Count + 1, total.WaitMs + waitMs);
            }
        };
    }

    /// <summary>The contended places by total wait, longest first, at most <see cref="MaxEntries"/>, merged by stack.</summary>
    /// <param name="read">The frames of an interned stack, root first (<see cref="ManagedStackReader.Read(CallStackIndex)"/>).</param>
    public IReadOnlyList<LockContention> Top(Func<CallStackIndex, IReadOnlyList<StackFrame>> read) =>
    [
        .. _byStack
            .Select(pair => (Stack: read(pair.Key), Total: pair.Value))
            .Where(static entry => entry.Stack.Count > 0)
            // Compiled versions of one method are separate stack nodes but one place to the user.
            .GroupBy(static entry => string.Join('\n', entry.Stack.Select(static f => $"{f.Module}!{f.Name}")))
            .Select(static merged =>
            {
                var stack = merged.First().Stack;
                var asker = stack.LastOrDefault(static f => !LockCodePrefixes.Any(prefix => f.Name.StartsWith(prefix, StringComparison.Ordinal))) ?? stack[^1];
                return new LockContention
                {
                    Function = asker.Name,
                    Module = asker.Module,
                    Count = merged.Sum(static e => e.Total.Count),
                    WaitMs = Math.Round(merged.Sum(static e => e.Total.WaitMs), 3),
                    Stack = stack,
                };
            })
            .OrderByDescending(static contention => contention.WaitMs)
            .Take(MaxEntries),
    ];
}
