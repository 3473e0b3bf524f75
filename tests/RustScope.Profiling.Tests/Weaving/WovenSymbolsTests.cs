using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using RustScope.Cli.Tests.Infrastructure;

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

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("portable")]
    [InlineData("embedded")]
    public async Task Stack_traces_through_a_woven_assembly_name_the_source_file_and_line(string debugType)
    {
        var project = new WovenProject(_directory.Path, "Throwing", "Exe", new Dictionary<string, string> { ["Program.cs"] = Source },
            $"<PropertyGroup><DebugType>{debugType}</DebugType></PropertyGroup>");

        var (compiled, compileOutput) = await project.BuildAsync($"{debugType}-unwoven", "-p:RustScopeWeave=false");
        Assert.True(compiled == 0, compileOutput);
        var compilers = SequencePoints(project.Output);
        var (built, buildOutput) = await project.BuildAsync(debugType);
        Assert.True(built == 0, buildOutput);
        Assert.True(WovenProject.IsWoven(project.Output), "the [Profile] method was not woven");

        // Every method keeps the compiler's sequence points (positions, not IL offsets: the woven code moves those).
        var woven = SequencePoints(project.Output);
        Assert.Contains("Throwers.Profiled", compilers.Keys);
        Assert.All(compilers, method => Assert.Equal(method.Value, woven[method.Key]));
        Assert.Equal(debugType == "embedded", HasEmbeddedPdb(project.Output));
        Assert.Equal(debugType == "portable", File.Exists(Path.ChangeExtension(project.Output, ".pdb")));

        var (ran, output) = await project.RunAsync(new Dictionary<string, string>());

        Assert.True(ran == 0, output);
        var file = Path.Combine(project.Directory, "Program.cs");
        Assert.Contains($"at Throwers.Profiled() in {file}:line {SourceText.At(Source, "profiled on", "throw").Line}", output, StringComparison.Ordinal);
        Assert.Contains($"at Throwers.Plain() in {file}:line {SourceText.At(Source, "not profiled", "throw").Line}", output, StringComparison.Ordinal);
        Assert.Contains($"at Program.<Main>$(String[] args) in {file}:line {SourceText.At(Source, "thrower();", "thrower").Line}", output, StringComparison.Ordinal);
    }

    /// <summary>Each method's sequence points (Type.Method: document(line,column)-(line,column)), from whichever PDB the assembly has.</summary>
    private static Dictionary<string, string[]> SequencePoints(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        var metadata = pe.GetMetadataReader();
        var embedded = pe.ReadDebugDirectory().Where(entry => entry.Type == DebugDirectoryEntryType.EmbeddedPortablePdb).ToList();
        using var provider = embedded.Count > 0
            ? pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded[0])
            : MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(File.ReadAllBytes(Path.ChangeExtension(assembly, ".pdb"))));
        var pdb = provider.GetMetadataReader();
        string Name(MethodDefinitionHandle handle)
        {
            var method = metadata.GetMethodDefinition(handle);
            return $"{metadata.GetString(metadata.GetTypeDefinition(method.GetDeclaringType()).Name)}.{metadata.GetString(method.Name)}";
        }

        return metadata.MethodDefinitions.ToDictionary(
            Name,
            handle => pdb.GetMethodDebugInformation(handle).GetSequencePoints()
                .Select(p => p.IsHidden ? "hidden" : $"{pdb.GetString(pdb.GetDocument(p.Document).Name)}({p.StartLine},{p.StartColumn})-({p.EndLine},{p.EndColumn})")
                .ToArray());
    }

    private static bool HasEmbeddedPdb(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        return pe.ReadDebugDirectory().Any(entry => entry.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
    }
}
