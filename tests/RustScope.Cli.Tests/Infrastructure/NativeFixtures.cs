using System.Collections.Concurrent;
using System.Diagnostics;

namespace RustScope.Cli.Tests.Infrastructure;

/// <summary>Compiles the C fixture programs with gcc once per test run: tiny, fast-starting real processes.</summary>
internal static class NativeFixtures
{
    private static readonly string OutputDirectory = Directory.CreateTempSubdirectory("rustscope-fixtures-").FullName;
    private static readonly ConcurrentDictionary<string, Lazy<string>> Built = new();

    /// <summary>The path of the compiled fixture <c>Fixtures/NAME.c</c>.</summary>
    public static string Path(string name) => Built.GetOrAdd(name, n => new Lazy<string>(() => Compile(n))).Value;

    private static string Compile(string name)
    {
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".c");
        var output = System.IO.Path.Combine(OutputDirectory, name);
        var gcc = new ProcessStartInfo("gcc") { RedirectStandardError = true };
        // libm for the fixtures that need it (stratified_sleeper); harmless for the others.
        foreach (var argument in new[] { "-O1", "-o", output, source, "-lm" })
        {
            gcc.ArgumentList.Add(argument);
        }

        using var process = Process.Start(gcc)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"gcc failed for {name}: {errors}");
    }
}
