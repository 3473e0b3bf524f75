using System.IO.Compression;
using Google.Protobuf;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;
using Proto = RustScope.Core.Formats.Pprof;

namespace RustScope.Core.Formats;

/// <summary>
/// pprof's <c>profile.proto</c> (what <c>go tool pprof</c>, Pyroscope and Parca read), gzip-compressed as pprof writes
/// it. The stacks' sample type follows their unit: <c>samples/count</c>, <c>cpu/nanoseconds</c> or
/// <c>alloc_space/bytes</c>; a session's allocation sites add <c>alloc_objects/count</c> and <c>alloc_space/bytes</c>
/// (<c>go tool pprof -sample_index=alloc_space</c>), its waiting stacks a <c>wait</c> column (<c>-sample_index=wait</c>)
/// after the CPU one, which stays the default. Each stack's process, thread, thread name and second are the sample
/// labels <c>pid</c>, <c>tid</c>, <c>thread</c> and <c>second</c>. Each distinct frame is a function with one location,
/// each module a mapping.
/// </summary>
public static class PprofFormat
{
    internal const string WaitType = "wait";
    internal const string PidLabel = "pid";
    internal const string TidLabel = "tid";
    internal const string ThreadLabel = "thread";
    internal const string SecondLabel = "second";

    /// <summary>Writes the stacks as a gzip-compressed profile; weights are rounded to whole units, zero weights left out.</summary>
    /// <param name="stacks">The stacks to write.</param>
    /// <param name="startTs">When the profile started, Unix epoch milliseconds, if known.</param>
    /// <param name="durationS">How long it covers, seconds, if known.</param>
    public static byte[] Write(StackProfile stacks, long? startTs = null, double? durationS = null) => Write(stacks, null, [], startTs, durationS);

    /// <summary>
    /// Writes a session's stacks, waiting stacks and allocation sites (any may be missing; native sites of
    /// <c>run --track-alloc</c> are allocation sites of type <c>native</c>) as a gzip-compressed profile.
    /// </summary>
    public static byte[] Write(ProfileSession session) =>
        Write(session.Stacks, session.WaitStacks, NativeAllocationStacks.AllocationSites(session), session.Meta.StartTs, session.Summary.DurationS);

    /// <summary>Reads a profile, gzip-compressed or not, keeping its default sample type (pprof's: the last one unless the profile names one).</summary>
    /// <exception cref="InputException">The bytes are not a valid profile (the message gives the byte offset or the element at fault).</exception>
    public static StackProfile Read(byte[] bytes, string sourceName) => ReadWithWait(bytes, sourceName).Stacks;

    /// <summary>Reads a profile as <see cref="Read"/> does, with its <c>wait</c> column (when it has one) as waiting stacks.</summary>
    internal static (StackProfile Stacks, StackProfile? Wait) ReadWithWait(byte[] bytes, string sourceName)
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

    private static byte[] Write(StackProfile? stacks, StackProfile? waitStacks, IReadOnlyList<AllocationSite> allocations, long? startTs, double? durationS)
    {
        var builder = new PprofBuilder();
        // Stacks already counting bytes are the allocation view themselves; the sites would repeat it under the same name.
        var withAllocations = allocations.Count > 0 && stacks?.Unit != "bytes";
        var withWait = waitStacks is { Samples.Count: > 0 } && stacks?.Unit != "bytes";
        if (stacks is not null)
        {
            var type = stacks.Unit switch
            {
                "ns" => builder.SampleType("cpu", "nanoseconds"),
                "bytes" => builder.SampleType("alloc_space", "bytes"),
                _ => builder.SampleType("samples", "count"),
            };
            builder.Profile.PeriodType = type.Clone();
            builder.Profile.Period = 1;
            builder.Profile.DefaultSampleType = type.Type; // the stacks, not the columns after them
        }

        var waitColumn = builder.Profile.SampleType.Count;
        if (withWait)
        {
            builder.SampleType(WaitType, waitStacks!.Unit == "ns" ? "nanoseconds" : "count");
        }

        if (withAllocations)
        {
            builder.SampleType("alloc_objects", "count");
            builder.SampleType("alloc_space", "bytes");
        }

        var columns = builder.Profile.SampleType.Count;
        if (stacks is not null)
        {
            AddStacks(builder, stacks, columns, 0);
        }

        if (withWait)
        {
            AddStacks(builder, waitStacks!, columns, waitColumn);
        }

        foreach (var site in withAllocations ? allocations : [])
        {
            var bytes = (long)Math.Round(site.Bytes);
            if (bytes > 0 && site.Stack.Count > 0)
            {
                builder.Sample(site.Stack, Values(columns, columns - 2, site.Count, bytes), builder.Label("type", site.Type));
            }
        }

        if (startTs is > 0)
        {
            builder.Profile.TimeNanos = startTs.Value * 1_000_000;
        }

        if (durationS is > 0 && double.IsFinite(durationS.Value))
        {
            builder.Profile.DurationNanos = (long)(durationS.Value * 1e9);
        }

        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            builder.Build().WriteTo(gzip);
        }

        return buffer.ToArray();
    }

    // Where a stack was sampled goes into labels (go tool pprof -tags, -tagfocus=tid=4250): pid, tid, the thread's
    // name and the second from the session's start.
    private static void AddStacks(PprofBuilder builder, StackProfile stacks, int columns, int column)
    {
        var names = stacks.Threads.Where(static t => t.Name is not null).ToDictionary(static t => (t.Pid, t.Tid), static t => t.Name!);
        var labels = new List<Proto.Label>(4);
        foreach (var sample in stacks.Samples)
        {
            var weight = (long)Math.Round(sample.Weight);
            if (weight <= 0 || sample.Stack.Count == 0)
            {
                continue;
            }

            labels.Clear();
            if (sample.Pid is { } pid)
            {
                labels.Add(builder.Label(PidLabel, pid));
            }

            if (sample.Tid is { } tid)
            {
                labels.Add(builder.Label(TidLabel, tid));
                if (sample.Pid is { } owner && names.TryGetValue((owner, tid), out var name))
                {
                    labels.Add(builder.Label(ThreadLabel, name));
                }
            }

            if (sample.Second is { } second)
            {
                labels.Add(builder.Label(SecondLabel, second, "seconds"));
            }

            builder.Sample(sample.Stack.Select(i => stacks.Frames[i]), Values(columns, column, weight), [.. labels]);
        }
    }

    private static long[] Values(int columns, int first, params long[] values)
    {
        var all = new long[columns];
        values.CopyTo(all, first);
        return all;
    }
}
