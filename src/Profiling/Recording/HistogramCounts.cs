using System.Runtime.CompilerServices;

namespace RustScope.Profiling.Recording;

/// <summary>The histogram's counters, stored inline in their slot: no separate array, no extra indirection.</summary>
[InlineArray(LatencyHistogram.Buckets)]
internal struct HistogramCounts
{
    private long _count;
}
