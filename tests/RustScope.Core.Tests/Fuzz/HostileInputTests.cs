using System.Text;
using RustScope.Core.Budgets;
using RustScope.Core.Diagnostics;
using RustScope.Core.Formats;
using RustScope.Core.IO;
using RustScope.Core.Model;

namespace RustScope.Core.Tests.Fuzz;

/// <summary>The hostile inputs of issue 27, each answered with a located InputException, quickly and in bounded memory.</summary>
public sealed class HostileInputTests
{
    private const string Session = """
        {"schema_version":1,"meta":{"project":"p","start_ts":0,"target_binary":"x"},
         "summary":{"duration_s":1,"cpu_pct_mean":1,"cpu_pct_max":1,"peak_rss_mb":1,"peak_threads":1,"peak_fds":1,"event_count":0},
         "stacks":{"frames":[{"name":"a"}],"samples":[{"stack":[0],"weight":1},{"stack":[0,5],"weight":1}]}}
        """;

    [Fact]
    public void A_frame_index_outside_the_frames_is_refused_where_it_is()
    {
        var error = Assert.Throws<InputException>(() => SessionInput.Parse(Encoding.UTF8.GetBytes(Session), "s.json"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.SessionInvalid, diagnostic.Code);
        Assert.Equal("$.stacks.samples[1].stack[1]", diagnostic.JsonPath);
        Assert.Contains("frame index 5 is outside the 1 frames", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_frame_index_in_the_wait_stacks_is_refused_too()
    {
        var json = Session.Replace("\"stacks\":", "\"wait_stacks\":", StringComparison.Ordinal).Replace("[0,5]", "[-1]", StringComparison.Ordinal);

        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => SessionJson.Parse(Encoding.UTF8.GetBytes(json), "s.json")).Diagnostics);

        Assert.Equal("$.wait_stacks.samples[1].stack[0]", diagnostic.JsonPath);
    }

    [Fact]
    public void A_newer_schema_version_is_located_at_its_line_and_column()
    {
        var json = "{\n  \"meta\": {},\n  \"schema_version\": 7\n}";

        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => SessionInput.Parse(Encoding.UTF8.GetBytes(json), "new.json")).Diagnostics);

        Assert.Equal(DiagnosticCodes.SessionTooNew, diagnostic.Code);
        Assert.Equal((3, 21), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void An_endless_input_is_read_up_to_the_limit_and_refused()
    {
        using var zeros = new FileStream("/dev/zero", FileMode.Open, FileAccess.Read);

        var error = Assert.Throws<InputException>(() => InputFile.Read(zeros, 1 << 20, "/dev/zero", DiagnosticCodes.SessionUnreadable, "the input"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("/dev/zero", diagnostic.File);
        Assert.Contains("larger than 1 MiB", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void A_budget_nested_40000_deep_is_refused_at_the_first_level_too_deep(string open, string close)
    {
        var yaml = "version: 1\ntargets: " + string.Concat(Enumerable.Repeat(open, 40_000)) + "1" + string.Concat(Enumerable.Repeat(close, 40_000)) + "\n";

        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => BudgetFile.Parse(yaml, "rustscope.yml")).Diagnostics);

        // The file's root mapping is the first level, so the 64th bracket on line 2 is the 65th.
        Assert.Equal((2, 10 + (63 * open.Length)), (diagnostic.Line, diagnostic.Column));
    }

    [Theory]
    [InlineData("plain-scalar-scanner-state.yml")]
    [InlineData("event-no-node-starts-with.yml")]
    [InlineData("tag-not-a-uri.yml")]
    public void YAML_the_parser_throws_other_exceptions_on_is_a_located_syntax_error(string file)
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fuzz", "Inputs", "budget", file));

        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => BudgetFile.Parse(yaml, "rustscope.yml")).Diagnostics);

        Assert.Equal(DiagnosticCodes.BudgetSyntax, diagnostic.Code);
        Assert.StartsWith("not valid YAML: ", diagnostic.Message, StringComparison.Ordinal);
        Assert.True(diagnostic.Line >= 1 && diagnostic.Column >= 1, diagnostic.ToString());
    }
}
