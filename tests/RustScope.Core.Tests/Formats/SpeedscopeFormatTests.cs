using System.Text.Json;
using RustScope.Core.Diagnostics;
using RustScope.Core.Formats;

namespace RustScope.Core.Tests.Formats;

public sealed class SpeedscopeFormatTests
{
    [Theory]
    [InlineData("samples", "none")]
    [InlineData("ns", "nanoseconds")]
    [InlineData("bytes", "bytes")]
    public void Stacks_written_as_speedscope_read_back_with_every_weight_and_module(string unit, string speedscopeUnit)
    {
        var written = SpeedscopeFormat.Write(SampleProfiles.Stacks(unit), "shop");
        using var document = JsonDocument.Parse(written);

        var read = SpeedscopeFormat.Read(document.RootElement, "shop.speedscope.json");

        Assert.Equal(unit, read.Unit);
        Assert.Equal(SampleProfiles.Weights(SampleProfiles.Stacks(unit)), SampleProfiles.Weights(read));
        var profile = document.RootElement.GetProperty("profiles")[0];
        Assert.Equal(("sampled", speedscopeUnit, 94.0), (profile.GetProperty("type").GetString(), profile.GetProperty("unit").GetString(), profile.GetProperty("endValue").GetDouble()));
        Assert.Equal("https://www.speedscope.app/file-format-schema.json", document.RootElement.GetProperty("$schema").GetString());
        Assert.True(SpeedscopeFormat.IsSpeedscope(document.RootElement));
    }

    [Fact]
    public void Each_thread_becomes_a_profile_named_pid_tid_name_and_reads_back_as_its_origin()
    {
        var session = SampleProfiles.Threaded();

        var written = ProfileWriter.Write(session, ProfileFormat.Speedscope, "shop.json");
        using var document = JsonDocument.Parse(written);
        var read = SessionInput.Parse(written, "shop.speedscope.json");

        Assert.Equal(["shop", "4242/4242 Main", $"4242/4250 {SampleProfiles.HostileThread}", "4300/4301", $"[waiting] 4242/4250 {SampleProfiles.HostileThread}"],
            document.RootElement.GetProperty("profiles").EnumerateArray().Select(static p => p.GetProperty("name").GetString()));
        // speedscope has no time per sample: the seconds are merged.
        Assert.Equal(SampleProfiles.Origins(session.Stacks!, seconds: false), SampleProfiles.Origins(read.Stacks!, seconds: false));
        Assert.All(read.Stacks!.Samples, static s => Assert.Null(s.Second));
        Assert.Equal(SampleProfiles.Origins(session.WaitStacks!, seconds: false), SampleProfiles.Origins(read.WaitStacks!, seconds: false));
        Assert.Equal(["4242/4242 Main", $"4242/4250 {SampleProfiles.HostileThread}", "4300/4301 "], SampleProfiles.ThreadNames(read.Stacks!));
    }

    [Theory]
    [InlineData("12/34 name with / and spaces", 12, 34, "name with / and spaces", false)]
    [InlineData("[waiting] 12/34", 12, 34, null, true)]
    [InlineData("pid 77", 77, null, null, false)]
    [InlineData("Thread (1234)", null, null, null, false)]
    [InlineData("99999999999/1 too big", null, null, null, false)]
    public void Profile_names_of_other_tools_give_no_origin(string name, int? pid, int? tid, string? thread, bool wait)
    {
        Assert.Equal((pid, tid, thread, wait), SpeedscopeFormat.Origin(name));
    }

    [Fact]
    public void Evented_profiles_give_each_stack_the_time_it_was_open_and_merge_with_sampled_ones_in_ns()
    {
        using var document = JsonDocument.Parse("""
            {"shared":{"frames":[{"name":"main"},{"name":"work","file":"app.py"}]},
             "profiles":[
               {"type":"evented","name":"t1","unit":"milliseconds","startValue":0,"endValue":10,"events":[
                 {"type":"O","frame":0,"at":0},{"type":"O","frame":1,"at":2},{"type":"C","frame":1,"at":7},{"type":"C","frame":0,"at":10}]},
               {"type":"sampled","name":"t2","unit":"microseconds","startValue":0,"endValue":5,"samples":[[0,1]],"weights":[5]}]}
            """);

        var read = SpeedscopeFormat.Read(document.RootElement, "trace.json");

        Assert.Equal("ns", read.Unit);
        Assert.Equal(new Dictionary<string, double> { ["main"] = 5e6, ["main > app.py!work"] = 5e6 + 5e3 }, SampleProfiles.Weights(read));
    }

    [Theory]
    [InlineData("""{"shared":{"frames":[{"name":"a"}]},"profiles":[{"type":"sampled","unit":"none","samples":[[0,3]],"weights":[1]}]}""", "$.profiles[0].samples[0][1]", "index 3 is outside 0..0")]
    [InlineData("""{"shared":{"frames":[{"name":1}]},"profiles":[]}""", "$.shared.frames[0].name", "expected a string, found a number")]
    [InlineData("""{"shared":{"frames":[]},"profiles":[{"type":"sampled","unit":"none","samples":[],"weights":[1]}]}""", "$.profiles[0].weights", "1 weights for 0 samples")]
    [InlineData("""{"shared":{"frames":[{"name":"a"}]},"profiles":[{"type":"evented","unit":"none","events":[{"type":"C","frame":0,"at":1}]}]}""", "$.profiles[0].events[0]", "closes a frame that is not the innermost open one")]
    [InlineData("""{"shared":{"frames":[]},"profiles":[{"type":"sampled","unit":"none","samples":[]},{"type":"sampled","unit":"bytes","samples":[]}]}""", "$.profiles[1].unit", "this profile counts bytes where an earlier one counts samples; RustScope keeps one unit per file")]
    public void Malformed_files_name_the_json_path(string json, string path, string message)
    {
        using var document = JsonDocument.Parse(json);

        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => SpeedscopeFormat.Read(document.RootElement, "bad.json")).Diagnostics);

        Assert.Equal((DiagnosticCodes.SpeedscopeInvalid, path, message), (diagnostic.Code, diagnostic.JsonPath, diagnostic.Message));
    }
}
