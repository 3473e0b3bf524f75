using System.Runtime.CompilerServices;
using System.Text.Json;

namespace RustScope.Core.Model;

/// <summary>
/// Reads <see cref="LatencyStats"/> on the session fast path (<see cref="SessionFastPath"/>): the serializer's metadata
/// reads init-only records through its constructor path, boxing every number, and a session holds one of these per
/// function and run.
/// </summary>
internal sealed class LatencyStatsConverter() : FastPathConverter<LatencyStats>(SessionJsonContext.Default.LatencyStats)
{
    public override LatencyStats Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadObject(ref reader);

    /// <summary>The object the reader stands on, or null for a JSON null.</summary>
    public static LatencyStats? ReadNullable(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static LatencyStats ReadObject(ref Utf8JsonReader reader)
    {
        FastPathReads.StartObject(ref reader);
        double mean = 0, p50 = 0, p95 = 0, p99 = 0, max = 0, stdev = 0;
        var seen = 0;
        while (FastPathReads.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("mean"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1);
                mean = FastPathReads.Double(ref reader);
            }
            else if (reader.ValueTextEquals("p50"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 2);
                p50 = FastPathReads.Double(ref reader);
            }
            else if (reader.ValueTextEquals("p95"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 4);
                p95 = FastPathReads.Double(ref reader);
            }
            else if (reader.ValueTextEquals("p99"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 8);
                p99 = FastPathReads.Double(ref reader);
            }
            else if (reader.ValueTextEquals("max"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 16);
                max = FastPathReads.Double(ref reader);
            }
            else if (reader.ValueTextEquals("stdev"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 32);
                stdev = FastPathReads.Double(ref reader);
            }
            else
            {
                throw FastPathReads.Miss();
            }
        }

        FastPathReads.Require(seen, 63);
        return new LatencyStats { Mean = mean, P50 = p50, P95 = p95, P99 = p99, Max = max, Stdev = stdev };
    }
}
