using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Profiling.Tests.Weaving;

/// <summary>A real <c>dotnet build</c> of a project with methods [Profile] cannot measure: RSP001 at each one's source.</summary>
public sealed class WeaverErrorTests : IDisposable
{
    private const string Source = """
        using System.Runtime.InteropServices;
        using RustScope.Profiling;

        public static class Broken
        {
            [Profile]
            public static async void FireAndForget()
            {
                await System.Threading.Tasks.Task.Yield();
            }

            [Profile]
            public static System.Collections.Generic.IEnumerator<int> Numbers()
            {
                yield return 1;
            }

            [Profile]
            public static async System.Collections.Generic.IAsyncEnumerator<int> Stream()
            {
                await System.Threading.Tasks.Task.Yield();
                yield return 1;
            }
        }

        public abstract class Shape
        {
            [Profile]
            public abstract double Area();

            public double Area(double scale) => Area() * scale;
        }

        public interface IShape
        {
            [Profile]
            double Perimeter();
        }

        public static class Native
        {
            [Profile]
            [DllImport("libc")]
            public static extern int getpid();
        }
        """;

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Unsupported_methods_are_build_errors_at_their_source_lines_bodiless_ones_at_their_declaration()
    {
        var project = new WovenProject(_directory.Path, "Broken", "Library", new Dictionary<string, string> { ["Broken.cs"] = Source });

        var (exitCode, output) = await project.BuildAsync("errors");

        Assert.NotEqual(0, exitCode);
        var file = Path.Combine(project.Directory, "Broken.cs");

        // State machines: at the first sequence point of MoveNext, the method's opening brace.
        Assert.Contains($"{file}({SourceText.At(Source, "FireAndForget()", "F").Line + 1},5): RustScope error RSP001: [Profile] cannot measure Broken.FireAndForget: async void methods cannot be awaited", output, StringComparison.Ordinal);
        Assert.Contains($"{file}({SourceText.At(Source, "Numbers()", "N").Line + 1},5): RustScope error RSP001: [Profile] cannot measure Broken.Numbers: an iterator is measured per enumeration, which starts at GetEnumerator; return IEnumerable<T>", output, StringComparison.Ordinal);
        Assert.Contains($"{file}({SourceText.At(Source, "Stream()", "S").Line + 1},5): RustScope error RSP001: [Profile] cannot measure Broken.Stream: an async iterator is measured per enumeration, which starts at GetAsyncEnumerator; return IAsyncEnumerable<T>", output, StringComparison.Ordinal);

        // No sequence points for these: the declaration found in the type's source file, not the calls to it.
        foreach (var (line, name, member) in new[] { ("public abstract double Area();", "Area", "Shape.Area"), ("double Perimeter();", "Perimeter", "IShape.Perimeter"), ("extern int getpid", "getpid", "Native.getpid") })
        {
            var at = SourceText.At(Source, line, name);
            Assert.Contains($"{file}({at.Line},{at.Column}): RustScope error RSP001: [Profile] cannot measure {member}: it has no body (abstract, extern or a P/Invoke)", output, StringComparison.Ordinal);
        }
    }
}
