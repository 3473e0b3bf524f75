using System.Diagnostics;

namespace RustScope.Core.Tests.Formats;

/// <summary>Runs the Go toolchain's commands for tests that check RustScope's output with Go's own readers.</summary>
internal static class Go
{
    public static string? Path { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(static directory => System.IO.Path.Combine(directory, "go"))
        .FirstOrDefault(File.Exists);

    public static (int ExitCode, string Output, string Errors) Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("go is not on PATH (./build.sh test installs golang-go)"))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // pprof would otherwise look for symbols and sources in $HOME and over the network.
        start.Environment["PPROF_BINARY_PATH"] = workingDirectory;
        start.Environment["GOFLAGS"] = "-mod=mod";
        start.Environment["HOME"] = workingDirectory;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, errors.Result);
    }
}
