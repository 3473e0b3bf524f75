using System.Diagnostics.Tracing;
using System.Reflection;
using System.Reflection.Emit;

namespace RustScope.Profiling.Benchmarking;

/// <summary>
/// Follows the JIT's compilations of one method through the runtime's own events (in process, JIT keyword only), so
/// <see cref="Bench.Run"/> can tell when the code it measures has been promoted to a final tier, and which.
/// </summary>
internal sealed class JitTierWatch : EventListener
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords JitKeyword = (EventKeywords)0x10;

    // MethodLoadVerbose packs the tier into bits 7..9 of MethodFlags, numbered as below.
    private const int TierShift = 7;
    private static readonly JitTier[] TierByCode =
    [
        JitTier.Unknown, JitTier.MinOpts, JitTier.Optimized, JitTier.Tier0, JitTier.Tier1, JitTier.Tier1Osr,
        JitTier.Tier0Instrumented, JitTier.Tier1Instrumented,
    ];

    private readonly ulong _methodId;
    private int _tier = (int)JitTier.Unknown;

    /// <param name="method">The method to follow; a dynamic method has no handle to match events against, and reads Unknown.</param>
    public JitTierWatch(MethodInfo method) => _methodId = method is DynamicMethod ? 0 : (ulong)method.MethodHandle.Value;

    /// <summary>The tier of the method's entry code most recently compiled (on-stack replacements are noted only until then).</summary>
    public JitTier Tier => (JitTier)Volatile.Read(ref _tier);

    /// <summary>Whether no further promotion of the method is coming.</summary>
    public bool IsFinal => Tier is JitTier.Tier1 or JitTier.Optimized or JitTier.MinOpts;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeProvider)
        {
            EnableEvents(eventSource, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) != true
            || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }

        if (Convert.ToUInt64(payload[names.IndexOf("MethodID")], System.Globalization.CultureInfo.InvariantCulture) != _methodId)
        {
            return;
        }

        var flags = Convert.ToUInt32(payload[names.IndexOf("MethodFlags")], System.Globalization.CultureInfo.InvariantCulture);
        var tier = TierByCode[(flags >> TierShift) & 0x7];

        // An on-stack replacement is a loop's body, not the method's entry code: it only counts while nothing better is known.
        if (tier != JitTier.Tier1Osr || Tier is JitTier.Unknown or JitTier.Tier0 or JitTier.Tier0Instrumented)
        {
            Volatile.Write(ref _tier, (int)tier);
        }
    }
}
