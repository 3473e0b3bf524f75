using System.Text;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Core.Tests.Model;

public sealed class SessionJsonTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rustscope-json-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_full_session_round_trips_with_snake_case_names()
    {
        var path = Path.Combine(_directory, "s.json");
        var session = SampleSessions.Full();

        SessionJson.Write(session, path);
        var text = File.ReadAllText(path);
        var read = SessionJson.Read(path);

        Assert.Contains("\"schema_version\": 1", text, StringComparison.Ordinal);
        Assert.Contains("\"memory_events\"", text, StringComparison.Ordinal);
        Assert.Contains("\"termination\": \"exited\"", text, StringComparison.Ordinal);
        Assert.Contains("\"source\": \"instrumented\"", text, StringComparison.Ordinal);
        Assert.Contains("\"load_average_1m\": 1.5", text, StringComparison.Ordinal);
        Assert.Equal(session.Runs[0].MachineLoad, read.Runs[0].MachineLoad);
        Assert.Equal(session.Meta, read.Meta with { Args = session.Meta.Args, Isolation = session.Meta.Isolation });
        Assert.Equal(session.Meta.Args, read.Meta.Args);
        Assert.Equal([1], read.Meta.Isolation!.Cpus);
        Assert.Equal("0", read.Meta.Isolation.Environment["DOTNET_TieredPGO"]);
        Assert.Equal(session.Summary.PeakRssMb, read.Summary.PeakRssMb);
        Assert.Equal("Shop.Checkout.Pay", Assert.Single(read.Functions).Name);
        Assert.Equal([0, 1], Assert.Single(read.Stacks!.Samples).Stack);
    }

    [Fact]
    public void Unknown_fields_are_accepted()
    {
        var json = """{"schema_version":1,"future":{"x":1},"meta":{"project":"p","start_ts":1,"target_binary":"t","later":true},"summary":{"duration_s":1,"cpu_pct_mean":0,"cpu_pct_max":0,"peak_rss_mb":0,"peak_threads":0,"peak_fds":0,"event_count":0}}""";

        var session = SessionJson.Parse(Encoding.UTF8.GetBytes(json), "in.json");

        Assert.Equal("p", session.Meta.Project);
    }

    [Fact]
    public void Optional_lists_left_out_read_as_empty()
    {
        var json = """{"schema_version":1,"meta":{"project":"p","start_ts":1,"target_binary":"t"},"summary":{"duration_s":1,"cpu_pct_mean":0,"cpu_pct_max":0,"peak_rss_mb":0,"peak_threads":0,"peak_fds":0,"event_count":0},"runs":[{"index":0,"wall_time_s":1,"peak_rss_mb":1,"cpu_pct_mean":1}]}""";

        var session = SessionJson.Parse(Encoding.UTF8.GetBytes(json), "in.json");

        Assert.Empty(session.Samples);
        Assert.Empty(session.Functions);
        Assert.Empty(session.MemoryEvents);
        Assert.Empty(session.Benchmarks);
        Assert.Empty(session.Warnings);
        Assert.Empty(session.Meta.Args);
        Assert.Empty(session.Summary.Processes);
        Assert.Empty(session.Runs[0].Functions);
        Assert.Empty(session.Runs[0].Benchmarks);
        Assert.Empty(session.Allocations);
    }

    [Fact]
    public void Optional_fields_left_out_read_as_their_defaults()
    {
        var json = """{"schema_version":1,"meta":{"project":"p","start_ts":1,"target_binary":"t"},"summary":{"duration_s":1,"cpu_pct_mean":0,"cpu_pct_max":0,"peak_rss_mb":0,"peak_threads":0,"peak_fds":0,"event_count":0},"benchmarks":[{"name":"b","samples":[1]}],"stacks":{"frames":[],"samples":[]},"allocations":[{"type":"System.Byte[]","bytes":1,"count":1}]}""";

        var session = SessionJson.Parse(Encoding.UTF8.GetBytes(json), "in.json");

        Assert.Equal("ns", session.Benchmarks[0].Unit);
        Assert.Equal(1, session.Benchmarks[0].OpsPerIteration);
        Assert.Equal("samples", session.Stacks!.Unit);
        Assert.Empty(session.Allocations[0].Stack);
        Assert.Null(session.Meta.MachineLoad);
    }

    [Fact]
    public void A_truncated_file_is_reported_with_file_line_and_column()
    {
        var path = Path.Combine(_directory, "truncated.json");
        var full = SessionJson.Serialize(SampleSessions.Full());
        File.WriteAllBytes(path, full[..(full.Length / 2)]);

        var error = Assert.Throws<InputException>(() => SessionJson.Read(path));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(path, diagnostic.File);
        Assert.NotNull(diagnostic.Line);
        Assert.True(diagnostic.Line > 1);
        Assert.NotNull(diagnostic.Column);
        Assert.Equal(DiagnosticCodes.SessionInvalid, diagnostic.Code);
        Assert.StartsWith($"{path}:{diagnostic.Line}:{diagnostic.Column}: error RS9002:", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_field_names_it()
    {
        var json = """{"schema_version":1,"meta":{"project":"p","start_ts":1},"summary":{"duration_s":1,"cpu_pct_mean":0,"cpu_pct_max":0,"peak_rss_mb":0,"peak_threads":0,"peak_fds":0,"event_count":0}}""";

        var error = Assert.Throws<InputException>(() => SessionJson.Parse(Encoding.UTF8.GetBytes(json), "in.json"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("the object at $.meta is missing the required field 'target_binary'", diagnostic.Message);
        Assert.DoesNotContain("RustScope.", diagnostic.ToString(), StringComparison.Ordinal);
        Assert.Equal("$.meta", diagnostic.JsonPath);
        Assert.Equal("in.json", diagnostic.File);
        Assert.Equal(1, diagnostic.Line);
        // Just past the closing brace of the object that lacks the field.
        Assert.Equal(json.IndexOf("},\"summary\"", StringComparison.Ordinal) + 2, diagnostic.Column);
    }

    [Fact]
    public void A_wrong_type_is_located_by_json_path()
    {
        var json = "{\"schema_version\":1,\n\"meta\":{\"project\":\"p\",\"start_ts\":\"soon\",\"target_binary\":\"t\"}}";

        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => SessionJson.Parse(Encoding.UTF8.GetBytes(json), "in.json")).Diagnostics);

        Assert.Equal("$.meta.start_ts", diagnostic.JsonPath);
        Assert.Equal(2, diagnostic.Line);
    }

    [Fact]
    public void A_newer_schema_version_is_refused_before_its_shape_is_read()
    {
        var json = """{"meta":"a shape v1 cannot read","schema_version":2}""";

        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => SessionJson.Parse(Encoding.UTF8.GetBytes(json), "new.json")).Diagnostics);

        Assert.Equal(DiagnosticCodes.SessionTooNew, diagnostic.Code);
        Assert.Equal("$.schema_version", diagnostic.JsonPath);
        Assert.Contains("schema_version 2", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_input_error()
    {
        var path = Path.Combine(_directory, "absent.json");

        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => SessionJson.Read(path)).Diagnostics);

        Assert.Equal(DiagnosticCodes.SessionUnreadable, diagnostic.Code);
    }

    [Fact]
    public void Writing_always_stamps_the_current_schema_version()
    {
        var json = Encoding.UTF8.GetString(SessionJson.Serialize(SampleSessions.Full() with { SchemaVersion = 0 }));

        Assert.Contains("\"schema_version\": 1", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fast_writer_writes_exactly_what_the_reader_s_metadata_writes()
    {
        // The file writer takes System.Text.Json's fast path, the embedding writer its metadata: one session, one text.
        var session = SampleSessions.Full();
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true }))
        {
            SessionJson.Serialize(writer, session);
        }

        Assert.Equal(Encoding.UTF8.GetString(buffer.ToArray()), Encoding.UTF8.GetString(SessionJson.Serialize(session)));
    }

    [Fact]
    public void A_session_holding_NaN_or_infinity_is_written_with_named_literals_and_reads_back()
    {
        var path = Path.Combine(_directory, "nan.json");
        var session = SampleSessions.Full();
        SessionJson.Write(session with { Summary = session.Summary with { CpuPctMean = double.NaN, CpuPctMax = double.PositiveInfinity } }, path);

        var read = SessionJson.Read(path);

        Assert.Contains("\"cpu_pct_mean\": \"NaN\"", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.True(double.IsNaN(read.Summary.CpuPctMean));
        Assert.Equal(double.PositiveInfinity, read.Summary.CpuPctMax);
    }
}
