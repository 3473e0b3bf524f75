using System.Runtime.CompilerServices;
using System.Text.Json;

namespace RustScope.Core.Model;

/// <summary>Reads <see cref="FunctionProfile"/> on the session fast path (<see cref="SessionFastPath"/>).</summary>
internal sealed class FunctionProfileConverter() : FastPathConverter<FunctionProfile>(SessionJsonContext.Default.FunctionProfile)
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override FunctionProfile Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        FastPathReads.StartObject(ref reader);
        string name = null!;
        string? symbol = null, module = null;
        long? calls = null, outliers = null, totalTimeNs = null, selfTimeNs = null, exceptions = null, cancellations = null;
        double? selfPct = null, totalPct = null, waitPct = null, allocBytesPerCall = null, busyNsPerCall = null, itemsPerCall = null;
        LatencyStats? latency = null;
        int? maxStackDepth = null;
        List<long>? recentOutliers = null;
        var source = default(FunctionSource);
        var seen = 0;
        while (FastPathReads.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("name"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1 << 0);
                name = FastPathReads.String(ref reader);
            }
            else if (reader.ValueTextEquals("symbol"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1 << 1);
                symbol = FastPathReads.NullableString(ref reader);
            }
            else if (reader.ValueTextEquals("module"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1 << 2);
                module = FastPathReads.NullableString(ref reader);
            }
            else if (reader.ValueTextEquals("calls"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1 << 3);
                calls = FastPathReads.NullableInt64(ref reader);
            }
            else if (reader.ValueTextEquals("self_pct"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1 << 4);
                selfPct = FastPathReads.NullableDouble(ref reader);
            }
            else if (reader.ValueTextEquals("total_pct"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1 << 5);
                totalPct = FastPathReads.NullableDouble(ref reader);
            }
            else if (reader.ValueTextEquals("wait_pct"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1 << 6);
                waitPct = FastPathReads.NullableDouble(ref reader);
            }
            else if (reader.ValueTextEquals("latency_ns"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1 << 7);
                latency = LatencyStatsConverter.ReadNullable(ref reader);
            }
            else if (reader.ValueTextEquals("alloc_bytes_per_call"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1 << 8);
                allocBytesPerCall = FastPathReads.NullableDouble(ref reader);
            }
            else if (reader.ValueTextEquals("max_stack_depth"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1 << 9);
                maxStackDepth = FastPathReads.NullableInt32(ref reader);
            }
            else if (reader.ValueTextEquals("outliers"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1 << 10);
                outliers = FastPathReads.NullableInt64(ref reader);
            }
            else if (reader.ValueTextEquals("total_time_ns"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1 << 11);
                totalTimeNs = FastPathReads.NullableInt64(ref reader);
            }
            else if (reader.ValueTextEquals("self_time_ns"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1 << 12);
                selfTimeNs = FastPathReads.NullableInt64(ref reader);
            }
            else if (reader.ValueTextEquals("busy_ns_per_call"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1 << 13);
                busyNsPerCall = FastPathReads.NullableDouble(ref reader);
            }
            else if (reader.ValueTextEquals("exceptions"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1 << 14);
                exceptions = FastPathReads.NullableInt64(ref reader);
            }
            else if (reader.ValueTextEquals("cancellations"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1 << 15);
                cancellations = FastPathReads.NullableInt64(ref reader);
            }
            else if (reader.ValueTextEquals("items_per_call"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1 << 16);
                itemsPerCall = FastPathReads.NullableDouble(ref reader);
            }
            else if (reader.ValueTextEquals("recent_outliers"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1 << 17);
                recentOutliers = FastPathReads.NullableInt64s(ref reader);
            }
            else if (reader.ValueTextEquals("source"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1 << 18);
                source = Source(ref reader);
            }
            else
            {
                throw FastPathReads.Miss();
            }
        }

        FastPathReads.Require(seen, 1 << 0);
        return new FunctionProfile
        {
            Name = name, Symbol = symbol, Module = module, Calls = calls, SelfPct = selfPct, TotalPct = totalPct, WaitPct = waitPct, LatencyNs = latency,
            AllocBytesPerCall = allocBytesPerCall, MaxStackDepth = maxStackDepth, Outliers = outliers, TotalTimeNs = totalTimeNs, SelfTimeNs = selfTimeNs,
            BusyNsPerCall = busyNsPerCall, Exceptions = exceptions, Cancellations = cancellations, ItemsPerCall = itemsPerCall, RecentOutliers = recentOutliers,
            Source = source,
        };
    }

    // Only the names the writer writes; numbers, other spellings and escapes are the enum converter's to judge.
    private static FunctionSource Source(ref Utf8JsonReader reader) =>
        reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped ? throw FastPathReads.Miss()
        : reader.ValueTextEquals("instrumented"u8) ? FunctionSource.Instrumented
        : reader.ValueTextEquals("sampled"u8) ? FunctionSource.Sampled
        : throw FastPathReads.Miss();
}
