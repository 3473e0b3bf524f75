using RustScope.Cli.Tests.Infrastructure;
using RustScope.Core.Tests.Formats;

namespace RustScope.Profiling.Endpoint.Tests.Infrastructure;

/// <summary>Reads a pprof file the way a user would: <c>go tool pprof -top</c>.</summary>
internal static class PprofTop
{
    /// <summary>The function names of <c>go tool pprof -top</c>, in its order (largest flat value first).</summary>
    public static IReadOnlyList<string> Functions(byte[] profile, params string[] options)
    {
        using var directory = new TempDirectory();
        var file = directory.File("profile.pb.gz");
        File.WriteAllBytes(file, profile);
        var (exitCode, output, errors) = Go.Run(directory.Path, ["tool", "pprof", "-top", .. options, file]);
        Assert.True(exitCode == 0, $"go tool pprof failed: {errors}");
        // Rows after the header: flat flat% sum% cum cum% NAME (names may contain spaces).
        return [.. output.Split('\n')
            .SkipWhile(static line => !line.TrimStart().StartsWith("flat", StringComparison.Ordinal))
            .Skip(1)
            .Select(static line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Where(static parts => parts.Length == 6)
            .Select(static parts => parts[5].Trim())];
    }
}
