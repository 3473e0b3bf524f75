using System.Collections.Concurrent;
using System.Diagnostics;

namespace RustScope.Collectors.Tests.Native;

/// <summary>Compiles the shim tests' C fixtures (Native/Fixtures/NAME.c) with gcc once per test run, with debug lines and frame pointers.</summary>
internal static class ShimFixtures
{
    private static readonly string OutputDirectory = Directory.CreateTempSubdirectory("rustscope-shim-fixtures-").FullName;
    private static readonly ConcurrentDictionary<string, Lazy<string>> Built = new();

    /// <summary>The compiled program <c>NAME</c>.</summary>
    public static string Program(string name) => Built.GetOrAdd(name, n => new Lazy<string>(() => Compile("gcc", n, n))).Value;

    /// <summary>The program <c>NAME</c> compiled for arm64 (with <c>aarch64-linux-gnu-gcc</c>).</summary>
    public static string Arm64Program(string name) => Built.GetOrAdd("arm64-" + name, n => new Lazy<string>(() => Compile(Arm64FactAttribute.Compiler, name, n))).Value;

    /// <summary>The compiled shared library <c>libNAME.so</c>.</summary>
    public static string Library(string name) => Built.GetOrAdd("lib" + name, n => new Lazy<string>(() => Compile("gcc", name, n + ".so", "-shared", "-fPIC"))).Value;

    private static string Compile(string compiler, string source, string output, params string[] flags)
    {
        var path = Path.Combine(OutputDirectory, output);
        var gcc = new ProcessStartInfo(compiler) { RedirectStandardError = true };
        string[] arguments = ["-O1", "-g", "-fno-omit-frame-pointer", "-pthread", .. flags, "-o", path, Path.Combine(AppContext.BaseDirectory, "Native", "Fixtures", source + ".c")];
        foreach (var argument in arguments)
        {
            gcc.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(gcc)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? path : throw new InvalidOperationException($"gcc failed for {source}: {errors}");
    }
}
