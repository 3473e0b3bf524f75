using System.Text.Json;
using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Profiling.Tests.Weaving;

/// <summary>Lambdas, local functions and top-level statements are recorded under the names their source reads.</summary>
public sealed class WovenNamesTests : IDisposable
{
    private const string Source = """
        using RustScope.Profiling;

        var offset = args.Length;
        var square = [Profile] (int x) => x * x;
        var shift = [Profile] (int x) => x + offset;
        var cube = [Profile] (int x) => x * x * x;
        Console.WriteLine(square(3) + shift(3) + cube(3) + new Svc().Run());

        [Profile]
        internal partial class Program;

        public sealed class Svc
        {
            public int Run()
            {
                return Local(2);

                [Profile]
                static int Local(int x) => x + 1;
            }
        }
        """;

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Generated_methods_are_named_after_their_containing_method_with_the_compiler_s_name_as_the_symbol()
    {
        var project = new WovenProject(_directory.Path, "Names", "Exe", new Dictionary<string, string> { ["Program.cs"] = Source });
        var (built, buildOutput) = await project.BuildAsync("names");
        Assert.True(built == 0, buildOutput);

        var session = _directory.File("session.json");
        var (ran, output) = await project.RunAsync(new Dictionary<string, string> { [Profiler.SessionOutVariable] = session });

        Assert.True(ran == 0, output);
        Assert.Equal("42", output.Trim());
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(session));
        var functions = json.RootElement.GetProperty("functions").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("symbol").GetString());
        Assert.Equal("Program.<>c.<<Main>$>b__0_0", functions["Program.Main.lambda#1"]);

        // A capturing lambda lives in a closure class of its own, numbered in source order all the same.
        Assert.Equal("Program.<>c__DisplayClass0_0.<<Main>$>b__1", functions["Program.Main.lambda#2"]);
        Assert.Equal("Program.<>c.<<Main>$>b__0_2", functions["Program.Main.lambda#3"]);
        Assert.StartsWith("Svc.<Run>g__Local|", functions["Svc.Run.Local"], StringComparison.Ordinal);
        Assert.Equal("Program.<Main>$", functions["Program.Main"]);
    }
}
