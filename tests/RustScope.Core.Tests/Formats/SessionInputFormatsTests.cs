using System.Text;
using RustScope.Core.Diagnostics;
using RustScope.Core.Formats;
using RustScope.Core.Model;

namespace RustScope.Core.Tests.Formats;

/// <summary>Every profile format through <see cref="SessionInput.Load"/>: recognised by content, stacks kept.</summary>
public sealed class SessionInputFormatsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rustscope-formats-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(ProfileFormat.Pprof, "shop.pb.gz", "pprof")]
    [InlineData(ProfileFormat.Speedscope, "shop.speedscope.json", "speedscope")]
    [InlineData(ProfileFormat.Collapsed, "shop.folded", "collapsed")]
    [InlineData(ProfileFormat.Session, "shop.json", "dotnet")]
    // Content decides, not the name: each under a name that says nothing.
    [InlineData(ProfileFormat.Pprof, "profile.dat", "pprof")]
    [InlineData(ProfileFormat.Speedscope, "profile.dat", "speedscope")]
    [InlineData(ProfileFormat.Collapsed, "profile.dat", "collapsed")]
    public void A_session_written_in_each_format_loads_back_with_every_stack_weight(ProfileFormat format, string name, string targetBinary)
    {
        var session = SampleProfiles.RoundTrip(_directory, name, format);

        Assert.Equal(Expected(format), SampleProfiles.Weights(session.Stacks!));
        Assert.Equal(targetBinary, session.Meta.TargetBinary);
        Assert.Empty(session.Runs);
        if (format != ProfileFormat.Session)
        {
            Assert.Equal(name == "profile.dat" ? "profile.dat" : "shop", session.Meta.Project);
        }
    }

    [Fact]
    public void Session_to_pprof_to_session_keeps_every_stack_weight_and_module()
    {
        var session = SampleProfiles.RoundTrip(_directory, "shop.pprof", ProfileFormat.Pprof);

        Assert.Equal(SampleProfiles.Weights(SampleProfiles.Stacks()), SampleProfiles.Weights(session.Stacks!));
        Assert.Equal("samples", session.Stacks!.Unit);
    }

    [Fact]
    public void Collapsed_to_session_to_collapsed_gives_the_same_lines()
    {
        const string Folded = "main;compute;hash 5\nmain;compute;hash;memcpy 2\nmain;compute 1\nworker;hash 4\nworker 1\n";
        var path = SampleProfiles.Write(_directory, "app.txt", Encoding.UTF8.GetBytes(Folded));

        var session = SessionInput.Load(path);
        var again = SessionInput.Load(SampleProfiles.Write(_directory, "again.json", ProfileWriter.Write(session, ProfileFormat.Session, path)));

        Assert.Equal(Sorted(Folded), Encoding.UTF8.GetString(ProfileWriter.Write(again, ProfileFormat.Collapsed, path)));
        Assert.Equal("app", session.Meta.Project);
    }

    [Theory]
    [InlineData("shop.folded", ProfileFormat.Collapsed)]
    [InlineData("shop.collapsed", ProfileFormat.Collapsed)]
    [InlineData("stacks.TXT", ProfileFormat.Collapsed)]
    [InlineData("cpu.pb.gz", ProfileFormat.Pprof)]
    [InlineData("cpu.pprof", ProfileFormat.Pprof)]
    [InlineData("cpu.pb", ProfileFormat.Pprof)]
    [InlineData("a.speedscope.json", ProfileFormat.Speedscope)]
    [InlineData("rustscope-last.json", ProfileFormat.Session)]
    [InlineData("profile.html", null)]
    public void The_output_extension_chooses_the_format(string name, ProfileFormat? expected) =>
        Assert.Equal(expected, ProfileWriter.FromExtension(name));

    [Fact]
    public void A_session_without_stacks_cannot_be_written_as_stacks()
    {
        var empty = SampleProfiles.Session() with { Stacks = null };

        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => ProfileWriter.Write(empty, ProfileFormat.Pprof, "s.json")).Diagnostics);

        Assert.Equal((DiagnosticCodes.ExportNoData, "$.stacks"), (diagnostic.Code, diagnostic.JsonPath));
    }

    [Fact]
    public void An_empty_file_is_of_no_format()
    {
        var path = SampleProfiles.Write(_directory, "empty.pb", []);

        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => SessionInput.Load(path)).Diagnostics);

        Assert.Equal((DiagnosticCodes.InputFormatUnknown, path), (diagnostic.Code, diagnostic.File));
    }

    [Fact]
    public void A_truncated_gzip_file_says_so()
    {
        var whole = ProfileWriter.Write(SampleProfiles.Session(), ProfileFormat.Pprof, "s");
        var path = SampleProfiles.Write(_directory, "cut.pb.gz", whole[..(whole.Length / 2)]);

        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => SessionInput.Load(path)).Diagnostics);

        Assert.Equal(DiagnosticCodes.InputFormatUnknown, diagnostic.Code);
        Assert.StartsWith("corrupt gzip data: the stream is truncated", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_in_gzipped_json_is_located_at_its_line_and_column()
    {
        var gzipped = SampleProfiles.Gzip(Encoding.UTF8.GetBytes("{\"meta\": {\"version\": 24},\n  \"threads\": [,]}"));
        var path = SampleProfiles.Write(_directory, "bad.json.gz", gzipped);

        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => SessionInput.Load(path)).Diagnostics);

        Assert.Equal((2, 15), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void A_malformed_collapsed_line_is_located_at_its_line_and_column()
    {
        var path = SampleProfiles.Write(_directory, "bad.folded", "a;b 3\na;;b 1\n"u8.ToArray());

        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => SessionInput.Load(path)).Diagnostics);

        Assert.Equal((DiagnosticCodes.CollapsedInvalid, path, 2, 3), (diagnostic.Code, diagnostic.File, diagnostic.Line, diagnostic.Column));
    }

    // Collapsed stacks carry no modules; the other formats keep them.
    private static IReadOnlyDictionary<string, double> Expected(ProfileFormat format)
    {
        var stacks = SampleProfiles.Stacks();
        return SampleProfiles.Weights(format != ProfileFormat.Collapsed ? stacks : stacks with
        {
            Frames = [.. stacks.Frames.Select(static f => f with { Module = null })],
        });
    }

    private static string Sorted(string folded) =>
        string.Concat(folded.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).Select(static l => l + "\n"));
}
