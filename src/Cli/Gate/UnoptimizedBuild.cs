using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using RustScope.Core.Diagnostics;

namespace RustScope.Cli.Gate;

/// <summary>
/// Finds a profiled .NET program built without optimizations — a Debug build, whose timings say little about the
/// Release build users run; BenchmarkDotNet refuses to measure one for the same reason. The compiler says so in the
/// assembly itself: <c>[Debuggable(DebuggingModes.DisableOptimizations | …)]</c>, whatever the output folder is called.
/// </summary>
internal static class UnoptimizedBuild
{
    // DebuggableAttribute.DebuggingModes.DisableOptimizations.
    private const int DisableOptimizations = 0x100;

    /// <summary>
    /// A warning when <paramref name="argv"/> runs a managed assembly (<c>dotnet app.dll</c>, <c>dotnet exec app.dll</c>,
    /// or an app host beside its <c>.dll</c>) that, or a project assembly beside it, was built without optimizations.
    /// </summary>
    public static Diagnostic? Check(IReadOnlyList<string> argv, string rebuildHint)
    {
        if (EntryAssembly(argv) is not { } entry || Inspect(entry) is not { } program)
        {
            return null;
        }

        // Project references are copied beside the program; the framework's assemblies are not, and are optimized.
        var directory = Path.GetDirectoryName(Path.GetFullPath(entry))!;
        var beside = program.References.Select(name => Path.Combine(directory, name + ".dll")).Where(File.Exists);
        string[] unoptimized = [.. (program.Unoptimized ? [entry] : Array.Empty<string>())
            .Concat(beside.Where(path => Inspect(path)?.Unoptimized == true))
            .Select(static path => Path.GetFileName(path))];
        return unoptimized.Length == 0 ? null : new Diagnostic(entry, null, null, DiagnosticCodes.DebugBuild,
            $"{string.Join(", ", unoptimized)} {(unoptimized.Length == 1 ? "was" : "were")} built without optimizations (a Debug build), so the timings describe code the JIT did not optimize; {rebuildHint} (BenchmarkDotNet refuses to measure Debug builds for the same reason)");
    }

    /// <summary>The assembly a command runs: the first <c>.dll</c> argument of <c>dotnet</c>, or the one beside an app host.</summary>
    public static string? EntryAssembly(IReadOnlyList<string> argv)
    {
        if (argv.Count == 0)
        {
            return null;
        }

        if (Path.GetFileNameWithoutExtension(argv[0]) == "dotnet")
        {
            return argv.Skip(1).FirstOrDefault(a => a.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(a));
        }

        // A bare name is looked up on PATH by the launcher: only a path can be an app host built here.
        var beside = argv[0] + ".dll";
        return argv[0].Contains('/', StringComparison.Ordinal) && File.Exists(beside) ? beside : null;
    }

    // Whether an assembly disables the JIT optimizer, and the names of the assemblies it references; null for a file
    // that is not a .NET assembly (a launcher script named .dll is not ours to judge).
    private static (bool Unoptimized, string[] References)? Inspect(string assembly)
    {
        try
        {
            using var pe = new PEReader(File.OpenRead(assembly));
            if (!pe.HasMetadata)
            {
                return null;
            }

            var metadata = pe.GetMetadataReader();
            return (DisablesOptimizations(metadata), [.. metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name))]);
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    private static bool DisablesOptimizations(MetadataReader metadata)
    {
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference
                || metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is not { Kind: HandleKind.TypeReference } parent
                || !metadata.StringComparer.Equals(metadata.GetTypeReference((TypeReferenceHandle)parent).Name, "DebuggableAttribute"))
            {
                continue;
            }

            // The blob is the prolog (2 bytes), the fixed arguments and the named-argument count (2 bytes): 8 bytes for
            // the DebuggingModes constructor compilers emit, 6 for the older (bool tracking, bool optimizerDisabled) one.
            var blob = metadata.GetBlobReader(attribute.Value);
            blob.ReadUInt16();
            if (blob.Length == 8)
            {
                return (blob.ReadInt32() & DisableOptimizations) != 0;
            }

            blob.ReadBoolean();
            return blob.ReadBoolean();
        }

        return false;
    }
}
