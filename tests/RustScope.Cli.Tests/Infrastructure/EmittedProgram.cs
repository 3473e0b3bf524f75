using System.Diagnostics;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace RustScope.Cli.Tests.Infrastructure;

/// <summary>
/// A tiny .NET program that `dotnet NAME.dll` runs (its Main returns at once), written with or without the
/// attribute a Debug build carries: a Debug build to profile without building a project in Debug.
/// </summary>
internal static class EmittedProgram
{
    /// <summary>Writes <paramref name="name"/>.dll and its runtimeconfig into <paramref name="directory"/>; returns the .dll's path.</summary>
    public static string Write(string directory, string name, DebuggableAttribute.DebuggingModes? modes)
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
        if (modes is { } debugging)
        {
            assembly.SetCustomAttribute(new CustomAttributeBuilder(typeof(DebuggableAttribute).GetConstructor([typeof(DebuggableAttribute.DebuggingModes)])!, [debugging]));
        }

        var type = assembly.DefineDynamicModule(name).DefineType("Program", TypeAttributes.Public | TypeAttributes.Class);
        var main = type.DefineMethod("Main", MethodAttributes.Public | MethodAttributes.Static | MethodAttributes.HideBySig);
        main.GetILGenerator().Emit(OpCodes.Ret);
        type.CreateType();
        var metadata = assembly.GenerateMetadata(out var il, out var fieldData);
        var pe = new ManagedPEBuilder(
            new PEHeaderBuilder(imageCharacteristics: Characteristics.ExecutableImage),
            new MetadataRootBuilder(metadata),
            il,
            fieldData,
            entryPoint: MetadataTokens.MethodDefinitionHandle(main.MetadataToken));
        var image = new BlobBuilder();
        pe.Serialize(image);
        var path = Path.Combine(directory, name + ".dll");
        using (var file = File.Create(path))
        {
            image.WriteContentTo(file);
        }

        File.WriteAllText(Path.Combine(directory, name + ".runtimeconfig.json"), $$"""
            { "runtimeOptions": { "tfm": "net10.0", "framework": { "name": "Microsoft.NETCore.App", "version": "{{Environment.Version.ToString(3)}}" } } }
            """);
        return path;
    }

    /// <summary>What the C# compiler writes into a Debug build.</summary>
    public const DebuggableAttribute.DebuggingModes Debug = DebuggableAttribute.DebuggingModes.Default
        | DebuggableAttribute.DebuggingModes.DisableOptimizations | DebuggableAttribute.DebuggingModes.IgnoreSymbolStoreSequencePoints
        | DebuggableAttribute.DebuggingModes.EnableEditAndContinue;

    /// <summary>What the C# compiler writes into a Release build.</summary>
    public const DebuggableAttribute.DebuggingModes Release = DebuggableAttribute.DebuggingModes.IgnoreSymbolStoreSequencePoints;
}
