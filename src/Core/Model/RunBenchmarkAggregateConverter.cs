using System.Runtime.CompilerServices;
using System.Text.Json;

namespace RustScope.Core.Model;

/// <summary>
/// Reads <see cref="RunBenchmarkAggregate"/> on the session fast path (<see cref="SessionFastPath"/>): one per benchmark
/// and run.
/// </summary>
internal sealed class RunBenchmarkAggregateConverter() : FastPathConverter<RunBenchmarkAggregate>(SessionJsonContext.Default.RunBenchmarkAggregate)
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override RunBenchmarkAggregate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        FastPathReads.StartObject(ref reader);
        string name = null!;
        double median = 0;
        double? allocBytesPerOp = null;
        var seen = 0;
        while (FastPathReads.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("name"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1);
                name = FastPathReads.String(ref reader);
            }
            else if (reader.ValueTextEquals("median"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 2);
                median = FastPathReads.Double(ref reader);
            }
            else if (reader.ValueTextEquals("alloc_bytes_per_op"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 4);
                allocBytesPerOp = FastPathReads.NullableDouble(ref reader);
            }
            else
            {
                throw FastPathReads.Miss();
            }
        }

        FastPathReads.Require(seen, 3);
        return new RunBenchmarkAggregate { Name = name, Median = median, AllocBytesPerOp = allocBytesPerOp };
    }
}
