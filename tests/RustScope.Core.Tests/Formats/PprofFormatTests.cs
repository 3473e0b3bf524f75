using Google.Protobuf;
using RustScope.Core.Diagnostics;
using RustScope.Core.Formats;
using RustScope.Core.Model;
using Proto = RustScope.Core.Formats.Pprof;

namespace RustScope.Core.Tests.Formats;

public sealed class PprofFormatTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rustscope-pprof-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("samples")]
    [InlineData("ns")]
    [InlineData("bytes")]
    public void A_session_written_as_pprof_reads_back_with_every_stack_weight_and_module(string unit)
    {
        var written = PprofFormat.Write(SampleProfiles.Stacks(unit), startTs: 1_000, durationS: 2);

        var read = PprofFormat.Read(written, "shop.pb.gz");

        Assert.Equal(unit, read.Unit);
        Assert.Equal(SampleProfiles.Weights(SampleProfiles.Stacks(unit)), SampleProfiles.Weights(read));
    }

    [Fact]
    public void The_written_profile_is_gzip_with_the_sample_type_times_and_an_empty_first_string()
    {
        var profile = Decode(PprofFormat.Write(SampleProfiles.Stacks("ns"), startTs: 1_000, durationS: 2));

        Assert.Equal("", profile.StringTable[0]);
        var type = Assert.Single(profile.SampleType);
        Assert.Equal(("cpu", "nanoseconds"), (profile.StringTable[(int)type.Type], profile.StringTable[(int)type.Unit]));
        Assert.Equal((1_000_000_000L, 2_000_000_000L), (profile.TimeNanos, profile.DurationNanos));
        Assert.Equal(["app", "libc.so.6", "System.Text.Json"], profile.Mapping.Select(m => profile.StringTable[(int)m.Filename]));
        // Leaf first: Program.Main > Shop.Pay > memcpy (locations 1, 2, 3 in order of first use) is written 3, 2, 1.
        Assert.Contains(profile.Sample, s => s.LocationId.SequenceEqual([3UL, 2UL, 1UL]) && s.Value.Single() == 12);
    }

    [Fact]
    public void Allocation_sites_become_alloc_objects_and_alloc_space_beside_the_stacks_which_stay_the_default()
    {
        var session = SampleProfiles.Session() with { Allocations = SampleProfiles.Allocations };

        var written = PprofFormat.Write(session);
        var profile = Decode(written);

        Assert.Equal(["samples/count", "alloc_objects/count", "alloc_space/bytes"],
            profile.SampleType.Select(t => $"{profile.StringTable[(int)t.Type]}/{profile.StringTable[(int)t.Unit]}"));
        Assert.Equal("samples", profile.StringTable[(int)profile.DefaultSampleType]);
        Assert.Equal(SampleProfiles.Weights(session.Stacks!), SampleProfiles.Weights(PprofFormat.Read(written, "s.pb.gz")));
        var site = Assert.Single(profile.Sample, s => s.Value[2] > 0);
        Assert.Equal([0L, 40, 81920], site.Value);
        Assert.Equal("System.Byte[]", profile.StringTable[(int)Assert.Single(site.Label).Str]);
    }

    [Fact]
    public void Reading_takes_the_default_sample_type_expands_inlined_lines_and_reads_uncompressed_files()
    {
        // Go's CPU profiles: samples/count and cpu/nanoseconds; pprof shows the last unless default_sample_type says.
        var profile = new Proto.Profile { StringTable = { "", "samples", "count", "cpu", "nanoseconds", "main", "inlined", "caller" } };
        profile.SampleType.Add(new Proto.ValueType { Type = 1, Unit = 2 });
        profile.SampleType.Add(new Proto.ValueType { Type = 3, Unit = 4 });
        profile.Function.Add(new Proto.Function { Id = 1, Name = 5 });
        profile.Function.Add(new Proto.Function { Id = 2, Name = 6 });
        profile.Function.Add(new Proto.Function { Id = 3, Name = 7 });
        profile.Location.Add(new Proto.Location { Id = 10, Line = { new Proto.Line { FunctionId = 1 } } });
        profile.Location.Add(new Proto.Location { Id = 11, Line = { new Proto.Line { FunctionId = 2 }, new Proto.Line { FunctionId = 3 } } });
        profile.Sample.Add(new Proto.Sample { LocationId = { 11, 10 }, Value = { 3, 30_000_000 } });

        var cpu = PprofFormat.Read(profile.ToByteArray(), "cpu.pb");
        profile.DefaultSampleType = 1;
        var counts = PprofFormat.Read(profile.ToByteArray(), "cpu.pb");

        Assert.Equal(new Dictionary<string, double> { ["main > caller > inlined"] = 30_000_000 }, SampleProfiles.Weights(cpu));
        Assert.Equal("ns", cpu.Unit);
        Assert.Equal(("samples", 3.0), (counts.Unit, counts.Samples.Single().Weight));
    }

    [Theory]
    [InlineData(99UL, 1L, "sample 0 refers to location 99, which the profile does not define")]
    [InlineData(1UL, 99L, "function 1 name is string 99, outside string_table (0..2)")]
    public void Dangling_references_are_errors_that_say_which(ulong locationId, long nameIndex, string expected)
    {
        var profile = new Proto.Profile { StringTable = { "", "samples", "count" } };
        profile.SampleType.Add(new Proto.ValueType { Type = 1, Unit = 2 });
        profile.Function.Add(new Proto.Function { Id = 1, Name = nameIndex });
        profile.Location.Add(new Proto.Location { Id = 1, Line = { new Proto.Line { FunctionId = 1 } } });
        profile.Sample.Add(new Proto.Sample { LocationId = { locationId }, Value = { 1 } });

        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => PprofFormat.Read(profile.ToByteArray(), "bad.pb")).Diagnostics);

        Assert.Equal((DiagnosticCodes.PprofInvalid, "bad.pb", expected), (diagnostic.Code, diagnostic.File, diagnostic.Message));
    }

    [Fact]
    public void Processes_threads_seconds_and_waiting_stacks_round_trip_through_pprof()
    {
        var session = SampleProfiles.Threaded();

        var written = ProfileWriter.Write(session, ProfileFormat.Pprof, "shop.json");
        var read = SessionInput.Parse(written, "shop.pb.gz");

        Assert.Equal(SampleProfiles.Origins(session.Stacks!), SampleProfiles.Origins(read.Stacks!));
        Assert.Equal(SampleProfiles.Origins(session.WaitStacks!), SampleProfiles.Origins(read.WaitStacks!));
        // The unnamed thread is kept as a thread of the samples, without a name.
        Assert.Equal(["4242/4242 Main", $"4242/4250 {SampleProfiles.HostileThread}", "4300/4301 "], SampleProfiles.ThreadNames(read.Stacks!));
        Assert.Equal([$"4242/4250 {SampleProfiles.HostileThread}"], SampleProfiles.ThreadNames(read.WaitStacks!));
    }

    [Fact]
    public void Waiting_stacks_are_a_wait_column_after_the_default_one_and_origins_are_labels()
    {
        var profile = Decode(PprofFormat.Write(SampleProfiles.Threaded()));
        string Text(long index) => profile.StringTable[(int)index];

        Assert.Equal(["samples/count", "wait/count"], profile.SampleType.Select(t => $"{Text(t.Type)}/{Text(t.Unit)}"));
        Assert.Equal("samples", Text(profile.DefaultSampleType));
        var waiting = Assert.Single(profile.Sample, s => s.Value[1] > 0);
        Assert.Equal([0L, 25], waiting.Value);
        Assert.Equal(["pid=4242", "tid=4250", $"thread={SampleProfiles.HostileThread}", "second=2 seconds"],
            waiting.Label.Select(l => l.Str != 0 ? $"{Text(l.Key)}={Text(l.Str)}" : $"{Text(l.Key)}={l.Num}{(l.NumUnit != 0 ? " " + Text(l.NumUnit) : "")}"));
        Assert.Empty(Assert.Single(profile.Sample, s => s.Value[0] == 2).Label);
    }

    [Fact]
    public void Labels_of_other_meanings_are_left_out_and_dangling_label_strings_are_errors()
    {
        var profile = new Proto.Profile { StringTable = { "", "samples", "count", "main", "pid", "tid", "second" } };
        profile.SampleType.Add(new Proto.ValueType { Type = 1, Unit = 2 });
        profile.Function.Add(new Proto.Function { Id = 1, Name = 3 });
        profile.Location.Add(new Proto.Location { Id = 1, Line = { new Proto.Line { FunctionId = 1 } } });
        profile.Sample.Add(new Proto.Sample { LocationId = { 1 }, Value = { 1 }, Label = { new Proto.Label { Key = 4, Num = -3 }, new Proto.Label { Key = 5, Num = 1L << 40 }, new Proto.Label { Key = 6, Num = 7 } } });

        var sample = Assert.Single(PprofFormat.Read(profile.ToByteArray(), "go.pb").Samples);
        profile.Sample[0].Label.Add(new Proto.Label { Key = 99 });
        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => PprofFormat.Read(profile.ToByteArray(), "bad.pb")).Diagnostics);

        Assert.Equal((null, null, 7), (sample.Pid, sample.Tid, sample.Second));
        Assert.Equal("sample 0 label key is string 99, outside string_table (0..6)", diagnostic.Message);
    }

    [Fact]
    public void A_truncated_message_is_reported_at_its_byte_offset()
    {
        var whole = SampleProfiles.Gunzip(PprofFormat.Write(SampleProfiles.Stacks(), null, null));

        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => PprofFormat.Read(whole[..^3], "cut.pb")).Diagnostics);

        Assert.Matches(@"not a pprof profile: .* \(at byte \d+\)$", diagnostic.Message);
    }

    private static Proto.Profile Decode(byte[] gzipped) => Proto.Profile.Parser.ParseFrom(SampleProfiles.Gunzip(gzipped));
}
