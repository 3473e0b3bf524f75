using System.Runtime.CompilerServices;
using System.Text.Json;

namespace RustScope.Core.Model;

/// <summary>
/// Reads <see cref="RunFunctionAggregate"/> on the session fast path (<see cref="SessionFastPath"/>): one per function
/// and run, the most numerous object of a session measured over several runs.
/// </summary>
internal sealed class RunFunctionAggregateConverter() : FastPathConverter<RunFunctionAggregate>(SessionJsonContext.Default.RunFunctionAggregate)
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override RunFunctionAggregate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        FastPathReads.StartObject(ref reader);
        string name = null!;
        long calls = 0;
        LatencyStats? latency = null;
        double? allocBytesPerCall = null, selfPct = null;
        var seen = 0;
        while (FastPathReads.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("name"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1);
                name = FastPathReads.String(ref reader);
            }
            else if (reader.ValueTextEquals("calls"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 2);
                calls = FastPathReads.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("latency_ns"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 4);
                latency = LatencyStatsConverter.ReadNullable(ref reader);
            }
            else if (reader.ValueTextEquals("alloc_bytes_per_call"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 8);
                allocBytesPerCall = FastPathReads.NullableDouble(ref reader);
            }
            else if (reader.ValueTextEquals("self_pct"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 16);
                selfPct = FastPathReads.NullableDouble(ref reader);
            }
            else
            {
                throw FastPathReads.Miss();
            }
        }

        FastPathReads.Require(seen, 1);
        return new RunFunctionAggregate { Name = name, Calls = calls, LatencyNs = latency, AllocBytesPerCall = allocBytesPerCall, SelfPct = selfPct };
    }
}
