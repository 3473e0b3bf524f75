using System.Text;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Core.Tests.Model;

/// <summary>
/// The fast path reads exactly what the serializer's metadata reads, or gives up and lets the metadata read it:
/// every session, odd but valid ones included, and every error, reads as it did without the fast path.
/// </summary>
public sealed class SessionFastPathTests
{
    private const string Head = """{"schema_version":1,"meta":{"project":"p","start_ts":1,"target_binary":"t"},"summary":{"duration_s":1,"cpu_pct_mean":0,"cpu_pct_max":0,"peak_rss_mb":0,"peak_threads":0,"peak_fds":0,"event_count":0},""";

    [Fact]
    public void A_session_with_every_field_reads_as_the_metadata_reads_it_and_stays_on_the_fast_path()
    {
        var full = SampleSessions.Full();
        var session = full with
        {
            Functions = [full.Functions[0] with { WaitPct = 5, Symbol = "Pay<>b__0" }, new FunctionProfile { Name = "Shop.Sampled", SelfPct = 1 }],
            Benchmarks = [full.Benchmarks[0] with { JitTier = "tier1" }, new BenchmarkResult { Name = "defaults", Samples = [3] }],
            Runs = [full.Runs[0] with { Functions = [.. full.Runs[0].Functions, new RunFunctionAggregate { Name = "bare" }] }],
        };
        var json = SessionJson.Serialize(session);

        var fast = SessionFastPath.TryRead(json);

        Assert.NotNull(fast);
        Assert.Equal(Encoding.UTF8.GetString(SessionJson.Serialize(SessionJson.Deserialize(json, "in.json"))), Encoding.UTF8.GetString(SessionJson.Serialize(fast)));
        Assert.Equal(SessionJson.Deserialize(json, "in.json").Benchmarks[0].Samples.GetType(), fast.Benchmarks[0].Samples.GetType());
        Assert.Equal(FunctionSource.Sampled, fast.Functions[1].Source);
        Assert.Equal(("ns", 1L), (fast.Benchmarks[1].Unit, fast.Benchmarks[1].OpsPerIteration));
    }

    [Fact]
    public void A_property_the_fast_path_does_not_know_sends_the_document_to_the_metadata()
    {
        // A field added to a record but not to its converter must be read by the metadata, never dropped.
        var json = Encoding.UTF8.GetBytes(Head + "\"functions\":[{\"name\":\"f\",\"not_yet_known\":1}]}");

        Assert.Null(SessionFastPath.TryRead(json));
        Assert.Equal("f", SessionJson.Parse(json, "in.json").Functions[0].Name);
    }

    [Theory]
    [InlineData("""{"name":"f","latency_ns":{"mean":"NaN","p50":1,"p95":1,"p99":1,"max":"Infinity","stdev":0}}""")]
    [InlineData("""{"\u006eame":"f","latency_ns":{"me\u0061n":1,"p50":1,"p95":1,"p99":1,"max":1,"stdev":0}}""")]
    [InlineData("""{"name":"f","calls":null,"module":null,"latency_ns":null,"recent_outliers":null,"source":"instrumented"}""")]
    [InlineData("""{"name":"f","source":1}""")]
    [InlineData("""{"name":"f","source":"Instrumented"}""")]
    [InlineData("""{"name":"f","source":"\u0073ampled"}""")]
    [InlineData("""{"name":"first","name":"second"}""")]
    [InlineData("""{"name":"f","later":{"nested":[1,{"deep":true}]},"Calls":7}""")]
    [InlineData("""{"name":"f","recent_outliers":[1,2,3]}""")]
    [InlineData("""{"name":"f","latency_ns":{"mean":1e400,"p50":-1e400,"p95":1,"p99":1,"max":1,"stdev":0}}""")]
    public void Unusual_functions_read_as_the_metadata_reads_them(string function) =>
        AssertReadAsTheMetadataReads(Head + $$"""
            "functions":[{{function}}],"runs":[{"index":0,"wall_time_s":1,"peak_rss_mb":1,"cpu_pct_mean":1,"functions":[{{function}}]}]}
            """);

    [Theory]
    [InlineData("""{"name":"b","samples":[1,"NaN",2]}""")]
    [InlineData("""{"name":"b","samples":[1],"unit":null}""")]
    [InlineData("""{"name":"b","samples":null}""")]
    [InlineData("""{"name":"b","samples":[1],"ops_per_iteration":0,"warmup":2,"alloc_bytes_per_op":null,"jit_tier":null}""")]
    [InlineData("""{"name":"b","samples":[1],"warmup":1.5}""")]
    [InlineData("""{"name":"b","median":1}""")]
    public void Unusual_benchmarks_read_as_the_metadata_reads_them(string benchmark) =>
        AssertReadAsTheMetadataReads(Head + $$"""
            "benchmarks":[{{benchmark}}],"runs":[{"index":0,"wall_time_s":1,"peak_rss_mb":1,"cpu_pct_mean":1,"benchmarks":[{{benchmark}}]}]}
            """);

    [Theory]
    [InlineData("""{"name":null}""", "$.functions[0].name")]
    [InlineData("""{"name":"f","calls":"7"}""", "$.functions[0].calls")]
    [InlineData("""{"name":"f","calls":1.5}""", "$.functions[0].calls")]
    [InlineData("""{"name":"f","latency_ns":{"mean":1}}""", "$.functions[0].latency_ns")]
    [InlineData("""{"calls":1}""", "$.functions[0]")]
    public void Errors_in_fast_path_records_are_located_as_before(string function, string path)
    {
        var json = Encoding.UTF8.GetBytes(Head + "\n\"functions\":[" + function + "]}");

        var error = Assert.Single(Assert.Throws<InputException>(() => SessionJson.Parse(json, "in.json")).Diagnostics);
        var reference = Assert.Single(Assert.Throws<InputException>(() => SessionJson.Deserialize(json, "in.json")).Diagnostics);

        Assert.Equal(reference.ToString(), error.ToString());
        Assert.Equal(path, error.JsonPath);
        Assert.Equal(2, error.Line);
    }

    private static void AssertReadAsTheMetadataReads(string text)
    {
        var json = Encoding.UTF8.GetBytes(text);
        string Read(Func<ProfileSession> read)
        {
            try
            {
                return Encoding.UTF8.GetString(SessionJson.Serialize(read()));
            }
            catch (InputException e)
            {
                return string.Join("\n", e.Diagnostics);
            }
        }

        Assert.Equal(Read(() => SessionJson.Deserialize(json, "in.json")), Read(() => SessionJson.Parse(json, "in.json")));
    }
}
