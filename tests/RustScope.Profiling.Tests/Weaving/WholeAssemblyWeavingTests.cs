using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Mono.Cecil;
using RustScope.Cli.Tests.Infrastructure;
using RustScope.Profiling.Weaver;

namespace RustScope.Profiling.Tests.Weaving;

/// <summary>
/// Real code in bulk: every type of a real assembly (RustScope.Core: parsers, statistics, async and iterator state
/// machines, lambdas, LINQ, pattern switches) is marked [Profile], woven, and every method body compiled by the JIT,
/// which rejects invalid IL — a broken handler range, a bad branch, an unbalanced stack — when it compiles it.
/// </summary>
public sealed class WholeAssemblyWeavingTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Every_method_of_a_real_assembly_woven_compiles()
    {
        var original = typeof(RustScope.Core.Model.ProfileSession).Assembly.Location;
        var profiling = typeof(ProfileAttribute).Assembly.Location;
        var copy = _directory.File(Path.GetFileName(original));
        MarkEveryType(original, profiling, copy);

        var outcome = AssemblyWeaver.Weave(copy, profiling, [.. Directory.GetFiles(AppContext.BaseDirectory, "*.dll")]);

        Assert.Empty(outcome.Errors);
        Assert.True(outcome.Woven > 500, $"only {outcome.Woven} methods woven");
        var context = new AssemblyLoadContext("woven", isCollectible: true);
        try
        {
            var compiled = CompileEveryMethod(context.LoadFromAssemblyPath(copy));
            Assert.True(compiled > outcome.Woven, $"{compiled} methods compiled, {outcome.Woven} woven");
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>
    /// Puts [Profile] on every type, compiler-generated ones (closures, state machines) included, and on every
    /// constructor (a [Profile] type leaves its constructors alone).
    /// </summary>
    private static void MarkEveryType(string original, string profiling, string copy)
    {
        using var profilingModule = ModuleDefinition.ReadModule(profiling);
        using var assembly = AssemblyDefinition.ReadAssembly(original);
        var attribute = assembly.MainModule.ImportReference(profilingModule.GetType(typeof(ProfileAttribute).FullName).Methods.Single(m => m.IsConstructor));
        foreach (var type in assembly.MainModule.GetTypes().Where(t => t.IsClass || t.IsValueType))
        {
            type.CustomAttributes.Add(new CustomAttribute(attribute));
            foreach (var constructor in type.Methods.Where(m => m.IsConstructor))
            {
                constructor.CustomAttributes.Add(new CustomAttribute(attribute));
            }
        }

        assembly.Write(copy);
    }

    /// <summary>JIT-compiles every method with a body that needs no generic instantiation; returns how many.</summary>
    private static int CompileEveryMethod(Assembly assembly)
    {
        const BindingFlags declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;
        var compiled = 0;
        foreach (var type in assembly.GetTypes().Where(t => !t.ContainsGenericParameters))
        {
            foreach (var method in type.GetMethods(declared).Cast<MethodBase>().Concat(type.GetConstructors(declared)))
            {
                if (method.GetMethodBody() is not null && !method.ContainsGenericParameters)
                {
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                    compiled++;
                }
            }
        }

        return compiled;
    }
}
