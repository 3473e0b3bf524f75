using System.Text.Json;
using RustScope.Core.Diagnostics;
using RustScope.Core.Formats;

namespace RustScope.Core.Tests.Formats;

public sealed class FirefoxProfileFormatTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Formats", "TestData", "samply-processed.json");

    private static readonly Dictionary<string, double> Expected = new(StringComparer.Ordinal)
    {
        ["app!_start > libc.so.6!__libc_start_main > app!main > app!app::compute > app!app::hash_block"] = 5,
        ["app!_start > libc.so.6!__libc_start_main > app!main > app!app::compute > app!app::hash_block > libc.so.6!__memcpy_avx_unaligned_erms"] = 2,
        ["app!_start > libc.so.6!__libc_start_main > app!main > app!app::compute"] = 1,
        ["app!_start > libc.so.6!__libc_start_main > app!main > libc.so.6!__memcpy_avx_unaligned_erms"] = 1,
        ["libc.so.6!start_thread > app!app::worker_loop > app!app::hash_block"] = 4,
        ["libc.so.6!start_thread > app!app::worker_loop"] = 1,
    };

    private readonly string _directory = Directory.CreateTempSubdirectory("rustscope-firefox-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // Older samply: tables per thread, linked by prefix. Newer (preprocessedProfileVersion 66): tables in $.shared,
    // linked by prefixOffset, sample times as timeDeltas.
    [Theory]
    [InlineData("samply-processed")]
    [InlineData("samply-shared-tables")]
    public void A_samply_profile_reads_with_every_thread_merged_nulls_skipped_and_weights_kept(string fixture)
    {
        var session = SessionInput.Load(Path.Combine(AppContext.BaseDirectory, "Formats", "TestData", fixture + ".json"));

        Assert.Equal((fixture, "firefox-profiler", "samples"), (session.Meta.Project, session.Meta.TargetBinary, session.Stacks!.Unit));
        Assert.Equal(Expected, SampleProfiles.Weights(session.Stacks));
        Assert.Empty(session.Runs);
    }

    [Theory]
    [InlineData("samply-processed")]
    [InlineData("samply-shared-tables")]
    public void Each_thread_keeps_its_pid_tid_and_name_its_process_name_and_its_samples_seconds(string fixture)
    {
        var session = SessionInput.Load(Path.Combine(AppContext.BaseDirectory, "Formats", "TestData", fixture + ".json"));

        Assert.Equal(["4242/4242 app", "4242/4243 worker-1"], SampleProfiles.ThreadNames(session.Stacks!));
        Assert.Equal(("app", 4242), (Assert.Single(session.Summary.Processes).Name, session.Summary.Processes[0].Pid));
        Assert.Equal(1_733_480_000_000, session.Meta.StartTs);
        Assert.All(session.Stacks!.Samples, static s => Assert.Equal((4242, 0), (s.Pid, s.Second)));
        Assert.Equal(5.0, session.Stacks.Samples.Where(static s => s.Tid == 4243).Sum(static s => s.Weight));
        Assert.Equal(Expected, SampleProfiles.Weights(session.Stacks));
    }

    [Fact]
    public void Ids_and_times_in_other_shapes_are_left_out()
    {
        var json = File.ReadAllText(Fixture).Replace("\"pid\": \"4242\"", "\"pid\": \"main\"", StringComparison.Ordinal).Replace("\"time\": [", "\"time\": [\"x\", ", StringComparison.Ordinal);
        var path = SampleProfiles.Write(_directory, "odd.json", System.Text.Encoding.UTF8.GetBytes(json));

        var session = SessionInput.Load(path);

        Assert.All(session.Stacks!.Samples, static s => Assert.Null(s.Pid));
        Assert.Empty(session.Stacks.Threads);
        Assert.Equal(Expected, SampleProfiles.Weights(session.Stacks));
    }

    [Fact]
    public async Task The_session_it_becomes_validates_against_the_published_schema()
    {
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schema", "profile-session.v1.schema.json"));
        var json = System.Text.Encoding.UTF8.GetString(ProfileWriter.Write(SessionInput.Load(Fixture), ProfileFormat.Session, Fixture));

        Assert.Empty(schema.Validate(json).Select(e => e.ToString()));
    }

    [Fact]
    public void A_gzipped_profile_reads_the_same()
    {
        var path = SampleProfiles.Write(_directory, "profile.json.gz", SampleProfiles.Gzip(File.ReadAllBytes(Fixture)));

        var session = SessionInput.Load(path);

        Assert.Equal("profile", session.Meta.Project);
        Assert.Equal(Expected, SampleProfiles.Weights(session.Stacks!));
    }

    [Fact]
    public void Newer_profiles_keep_their_strings_in_shared_string_array()
    {
        using var document = JsonDocument.Parse("""
            {"meta":{"version":27},"shared":{"stringArray":["main","lib"]},
             "threads":[{"name":"t","samples":{"length":2,"stack":[0,0],"weight":null},
               "stackTable":{"length":1,"prefix":[null],"frame":[0]},"frameTable":{"length":1,"func":[0]},
               "funcTable":{"length":1,"name":[0],"resource":[-1]},"resourceTable":{"length":0,"name":[]}}]}
            """);

        var read = FirefoxProfileFormat.Read(document.RootElement, "new.json");

        Assert.Equal(new Dictionary<string, double> { ["main"] = 2 }, SampleProfiles.Weights(read));
    }

    [Fact]
    public void A_prefix_offset_reaching_before_the_table_is_an_error_at_its_path()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Formats", "TestData", "samply-shared-tables.json"))
            .Replace("\"prefixOffset\": [0, 1, 1, 1, 1, 1, 4, 0, 1, 1]", "\"prefixOffset\": [0, 1, 1, 1, 5, 1, 4, 0, 1, 1]", StringComparison.Ordinal);
        var file = SampleProfiles.Write(_directory, "bad.json", System.Text.Encoding.UTF8.GetBytes(text));

        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => SessionInput.Load(file)).Diagnostics);

        Assert.Equal(("$.shared.stackTable.prefixOffset[4]", "index 5 is outside 0..4"), (diagnostic.JsonPath, diagnostic.Message));
    }

    [Theory]
    [InlineData("\"stack\": [4, 4,", "\"stack\": [9, 4,", "$.threads[0].samples.stack[0]", "index 9 is outside 0..6")]
    [InlineData("\"prefix\": [null, 0, 1, 2, 3, 4, 2]", "\"prefix\": [1, 0, 1, 2, 3, 4, 2]", "$.threads[0].stackTable.prefix[0]", "the prefix column has a cycle")]
    [InlineData("\"name\": [2, 3, 4, 5, 6, 7]", "\"name\": [2, 3, \"main\", 5, 6, 7]", "$.threads[0].funcTable.name[2]", "expected an index, found a string")]
    [InlineData("\"weight\": [1, 1, 1, 2]", "\"weight\": [1, 1]", "$.threads[1].samples.weight", "fewer weights than samples")]
    public void Malformed_tables_name_the_json_path(string from, string to, string path, string message)
    {
        var text = File.ReadAllText(Fixture);
        Assert.Contains(from, text, StringComparison.Ordinal);
        var file = SampleProfiles.Write(_directory, "bad.json", System.Text.Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal)));

        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => SessionInput.Load(file)).Diagnostics);

        Assert.Equal((DiagnosticCodes.FirefoxProfileInvalid, file, path, message), (diagnostic.Code, diagnostic.File, diagnostic.JsonPath, diagnostic.Message));
    }
}
