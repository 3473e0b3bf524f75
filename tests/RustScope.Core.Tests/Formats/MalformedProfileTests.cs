using System.Text;
using RustScope.Core.Diagnostics;
using RustScope.Core.Formats;

namespace RustScope.Core.Tests.Formats;

/// <summary>
/// A little fuzzing of every reader through <see cref="SessionInput.Load"/>: truncations, random bytes and flipped
/// bytes of valid files give an <see cref="InputException"/> naming the file, or a session, never another exception.
/// </summary>
public sealed class MalformedProfileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rustscope-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> Formats() => ["pprof", "pprof-plain", "pprof-threads", "speedscope", "speedscope-threads", "collapsed", "firefox", "firefox-gzip", "firefox-shared", "session"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_truncation_is_an_input_error_or_a_session(string format)
    {
        var valid = Valid(format);
        var step = Math.Max(1, valid.Length / 60);
        for (var length = 0; length < valid.Length; length += step)
        {
            LoadsOrFailsCleanly(valid[..length], format);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Flipped_bytes_are_input_errors_or_sessions(string format)
    {
        var valid = Valid(format);
        var random = new Random(format.Length * 7919);
        for (var i = 0; i < 80; i++)
        {
            var broken = (byte[])valid.Clone();
            for (var flips = 0; flips < 1 + (i % 4); flips++)
            {
                broken[random.Next(broken.Length)] = (byte)random.Next(256);
            }

            LoadsOrFailsCleanly(broken, format);
        }
    }

    [Fact]
    public void Random_bytes_are_input_errors_or_sessions()
    {
        var random = new Random(22);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);
            // Half of them dressed as gzip or protobuf, so the deeper readers see them too.
            if (i % 4 == 1 && bytes.Length > 1)
            {
                (bytes[0], bytes[1]) = (0x1f, 0x8b);
            }
            else if (i % 4 == 2)
            {
                bytes[0] = 0x0a;
            }

            LoadsOrFailsCleanly(bytes, "random");
        }
    }

    [Theory]
    [InlineData("""{"shared":{"frames":{}},"profiles":[]}""")]
    [InlineData("""{"shared":{"frames":[{"name":"a"}]},"profiles":[{"type":"sampled","unit":"none","samples":[[0]],"weights":["1"]}]}""")]
    [InlineData("""{"shared":{"frames":[{"name":"a"}]},"profiles":[{"type":"sampled","unit":"none","samples":[0]}]}""")]
    [InlineData("""{"shared":{"frames":[]},"profiles":"x"}""")]
    [InlineData("""{"meta":{"version":24},"threads":{}}""")]
    [InlineData("""{"meta":{"version":24},"threads":[1]}""")]
    [InlineData("""{"meta":{"version":24},"threads":[{"stringArray":[1]}]}""")]
    [InlineData("""{"meta":{"version":24},"threads":[{"stringArray":["a"],"frameTable":{"func":[0]},"funcTable":{"name":[0],"resource":[3]},"resourceTable":{"name":[]}}]}""")]
    [InlineData("""{"meta":{"version":24},"threads":[{"stringArray":["a"],"frameTable":{"func":[0]},"funcTable":{"name":[0]},"stackTable":{"prefix":[],"frame":[0]},"samples":{"stack":[0]}}]}""")]
    [InlineData("""{"meta":{"version":24},"threads":[{"stringArray":["a"],"frameTable":{"func":[0]},"funcTable":{"name":[0]},"stackTable":{"prefix":[null],"frame":[0]},"samples":{"stack":[0],"weightType":"joules"}}]}""")]
    public void Wrong_types_are_input_errors_with_a_json_path(string json)
    {
        var path = SampleProfiles.Write(_directory, "wrong.json", Encoding.UTF8.GetBytes(json));

        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => SessionInput.Load(path)).Diagnostics);

        Assert.Equal(path, diagnostic.File);
        Assert.NotNull(diagnostic.JsonPath);
    }

    private void LoadsOrFailsCleanly(byte[] bytes, string format)
    {
        var path = SampleProfiles.Write(_directory, "input", bytes);
        try
        {
            SessionInput.Load(path);
        }
        catch (InputException e)
        {
            Assert.All(e.Diagnostics, d => Assert.Equal(path, d.File));
        }
        catch (Exception e)
        {
            Assert.Fail($"{format}, {bytes.Length} bytes ({Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 64)))}…): {e}");
        }
    }

    private static byte[] Valid(string format)
    {
        var session = SampleProfiles.Session();
        var firefox = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Formats", "TestData", "samply-processed.json"));
        return format switch
        {
            "pprof" => ProfileWriter.Write(session, ProfileFormat.Pprof, "s"),
            "pprof-plain" => SampleProfiles.Gunzip(ProfileWriter.Write(session, ProfileFormat.Pprof, "s")),
            "speedscope" => ProfileWriter.Write(session, ProfileFormat.Speedscope, "s"),
            // Origins and waiting stacks: labels, a wait column, profiles named by thread.
            "pprof-threads" => SampleProfiles.Gunzip(ProfileWriter.Write(SampleProfiles.Threaded(), ProfileFormat.Pprof, "s")),
            "speedscope-threads" => ProfileWriter.Write(SampleProfiles.Threaded(), ProfileFormat.Speedscope, "s"),
            "collapsed" => ProfileWriter.Write(session, ProfileFormat.Collapsed, "s"),
            "firefox" => firefox,
            "firefox-gzip" => SampleProfiles.Gzip(firefox),
            "firefox-shared" => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Formats", "TestData", "samply-shared-tables.json")),
            _ => ProfileWriter.Write(session, ProfileFormat.Session, "s"),
        };
    }
}
