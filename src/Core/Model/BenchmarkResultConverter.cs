using System.Runtime.CompilerServices;
using System.Text.Json;

namespace RustScope.Core.Model;

/// <summary>Reads <see cref="BenchmarkResult"/> on the session fast path (<see cref="SessionFastPath"/>).</summary>
internal sealed class BenchmarkResultConverter() : FastPathConverter<BenchmarkResult>(SessionJsonContext.Default.BenchmarkResult)
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override BenchmarkResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        FastPathReads.StartObject(ref reader);
        string name = null!, unit = null!;
        List<double> samples = null!;
        var warmup = 0;
        long opsPerIteration = 0;
        double? allocBytesPerOp = null;
        string? jitTier = null;
        var seen = 0;
        while (FastPathReads.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("name"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 1);
                name = FastPathReads.String(ref reader);
            }
            else if (reader.ValueTextEquals("unit"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 2);
                unit = FastPathReads.String(ref reader);
            }
            else if (reader.ValueTextEquals("samples"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 4);
                samples = FastPathReads.Doubles(ref reader);
            }
            else if (reader.ValueTextEquals("warmup"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 8);
                warmup = FastPathReads.Int32(ref reader);
            }
            else if (reader.ValueTextEquals("ops_per_iteration"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 16);
                opsPerIteration = FastPathReads.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("alloc_bytes_per_op"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 32);
                allocBytesPerOp = FastPathReads.NullableDouble(ref reader);
            }
            else if (reader.ValueTextEquals("jit_tier"u8))
            {
                FastPathReads.Value(ref reader, ref seen, 64);
                jitTier = FastPathReads.NullableString(ref reader);
            }
            else
            {
                throw FastPathReads.Miss();
            }
        }

        FastPathReads.Require(seen, 1 | 4);
        return new BenchmarkResult
        {
            Name = name, Unit = unit, Samples = samples, Warmup = warmup, OpsPerIteration = opsPerIteration, AllocBytesPerOp = allocBytesPerOp, JitTier = jitTier,
        };
    }
}
