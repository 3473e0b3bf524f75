using System.IO.Compression;
using Google.Protobuf;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;
using Proto = RustScope.Core.Formats.Pprof;

namespace RustScope.Core.Formats;

/// <summary>
/// pprof's <c>profile.proto</c> (what <c>go tool pprof</c>, Pyroscope and Parca read), gzip-compressed as pprof writes
/// it. A written profile has one sample type chosen by the stacks' unit: <c>samples/count</c>, <c>cpu/nanoseconds</c> or
/// <c>alloc_space/bytes</c>; each frame is a function with one location, and each module a mapping.
/// </summary>
public static class PprofFormat
{
    /// <summary>Writes the stacks as a gzip-compressed profile; weights are rounded to whole units, zero weights left out.</summary>
    /// <param name="stacks">The stacks to write.</param>
    /// <param name="startTs">When the profile started, Unix epoch milliseconds, if known.</param>
    /// <param name="durationS">How long it covers, seconds, if known.</param>
    public static byte[] Write(StackProfile stacks, long? startTs = null, double? durationS = null)
    {
        var strings = new StringTable();
        var (type, unit) = stacks.Unit switch
        {
            "ns" => ("cpu", "nanoseconds"),
            "bytes" => ("alloc_space", "bytes"),
            _ => ("samples", "count"),
        };
        var sampleType = new Proto.ValueType { Type = strings[type], Unit = strings[unit] };
        var profile = new Proto.Profile { PeriodType = sampleType.Clone(), Period = 1 };
        profile.SampleType.Add(sampleType);
        if (startTs is > 0)
        {
            profile.TimeNanos = startTs.Value * 1_000_000;
        }

        if (durationS is > 0 && double.IsFinite(durationS.Value))
        {
            profile.DurationNanos = (long)(durationS.Value * 1e9);
        }

        var mappings = new Dictionary<string, ulong>(StringComparer.Ordinal);
        for (var i = 0; i < stacks.Frames.Count; i++)
        {
            var frame = stacks.Frames[i];
            var id = (ulong)i + 1; // ids are 1-based: 0 means "none" in pprof
            profile.Function.Add(new Proto.Function { Id = id, Name = strings[frame.Name], SystemName = strings[frame.Name] });
            var location = new Proto.Location { Id = id, MappingId = frame.Module is { Length: > 0 } module ? Mapping(profile, mappings, strings, module) : 0 };
            location.Line.Add(new Proto.Line { FunctionId = id });
            profile.Location.Add(location);
        }

        foreach (var sample in stacks.Samples)
        {
            var weight = (long)Math.Round(sample.Weight);
            if (weight <= 0 || sample.Stack.Count == 0)
            {
                continue;
            }

            var written = new Proto.Sample();
            written.Value.Add(weight);
            for (var i = sample.Stack.Count - 1; i >= 0; i--)
            {
                written.LocationId.Add((ulong)sample.Stack[i] + 1); // pprof lists the leaf first
            }

            profile.Sample.Add(written);
        }

        profile.StringTable.AddRange(strings.Entries);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            profile.WriteTo(gzip);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a profile, gzip-compressed or not, keeping its default sample type (pprof's: the last one unless the profile names one).</summary>
    /// <exception cref="InputException">The bytes are not a valid profile (the message gives the byte offset or the element at fault).</exception>
    public static StackProfile Read(byte[] bytes, string sourceName)
    {
        var data = Gzip.IsCompressed(bytes) ? Gzip.Decompress(bytes, sourceName) : bytes;
        var input = new CodedInputStream(data);
        var profile = new Proto.Profile();
        try
        {
            profile.MergeFrom(input);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw Invalid(sourceName, $"not a pprof profile: {e.Message.TrimEnd('.')} (at byte {input.Position}{(data == bytes ? "" : " of the decompressed data")})");
        }

        return new PprofReader(profile, sourceName).Read();
    }

    internal static InputException Invalid(string sourceName, string message) =>
        new(new Diagnostic(sourceName, null, null, DiagnosticCodes.PprofInvalid, message));

    private static ulong Mapping(Proto.Profile profile, Dictionary<string, ulong> mappings, StringTable strings, string module)
    {
        if (!mappings.TryGetValue(module, out var id))
        {
            id = (ulong)mappings.Count + 1;
            mappings.Add(module, id);
            // has_functions: the names are already there, so pprof does not try to symbolise the (absent) binary.
            profile.Mapping.Add(new Proto.Mapping { Id = id, Filename = strings[module], HasFunctions = true });
        }

        return id;
    }
}
