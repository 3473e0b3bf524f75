using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace RustScope.Profiling.Tests.Weaving;

/// <summary>Weaving keeps the PDB in the form the project asked for, so stack traces keep their files and lines.</summary>
public sealed class WovenSymbolsTests : IDisposable
{
    private const string Source = """
        using RustScope.Profiling;

        foreach (var thrower in new Action[] { Throwers.Profiled, Throwers.Plain })
        {
            try
            {
                thrower();
            }
            catch (InvalidOperationException e)
            {
                Console.WriteLine(e.StackTrace);
            }
        }

        public static class Throwers
        {
            [Profile]
            public static void Profiled()
            {
                var cores = Environment.ProcessorCount;
                throw new InvalidOperationException($"profiled on {cores} cores");
            }

            public static void Plain() => throw new InvalidOperationException("not profiled");
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("rustscope-weaver-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("portable")]
    [InlineData("embedded")]
    public async Task Stack_traces_through_a_woven_assembly_name_the_source_file_and_line(string debugType)
    {
        var project = new WovenProject(_directory, "Throwing", "Exe", new Dictionary<string, string> { ["Program.cs"] = Source },
            $"<PropertyGroup><DebugType>{debugType}</DebugType></PropertyGroup>");

        var (built, buildOutput) = await project.BuildAsync(debugType);
        Assert.True(built == 0, buildOutput);
        Assert.True(WovenProject.IsWoven(project.Output), "the [Profile] method was not woven");
        Assert.Equal(debugType == "embedded", HasEmbeddedPdb(project.Output));
        Assert.Equal(debugType == "portable", File.Exists(Path.ChangeExtension(project.Output, ".pdb")));

        var (ran, output) = await project.RunAsync(new Dictionary<string, string>());

        Assert.True(ran == 0, output);
        var file = Path.Combine(project.Directory, "Program.cs");
        Assert.Contains($"at Throwers.Profiled() in {file}:line {SourceText.At(Source, "profiled on", "throw").Line}", output, StringComparison.Ordinal);
        Assert.Contains($"at Throwers.Plain() in {file}:line {SourceText.At(Source, "not profiled", "throw").Line}", output, StringComparison.Ordinal);
        Assert.Contains($"at Program.<Main>$(String[] args) in {file}:line {SourceText.At(Source, "thrower();", "thrower").Line}", output, StringComparison.Ordinal);
    }

    private static bool HasEmbeddedPdb(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        return pe.ReadDebugDirectory().Any(entry => entry.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
    }
}
