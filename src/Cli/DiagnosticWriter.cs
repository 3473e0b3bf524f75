using RustScope.Core.Diagnostics;

namespace RustScope.Cli;

/// <summary>
/// Prints diagnostics the one way every command does (<see cref="Diagnostic.Format"/>): plain lines for people, or
/// MSBuild's canonical form under <c>--msbuild</c>, on standard error.
/// </summary>
internal sealed class DiagnosticWriter(TextWriter error, bool msbuild = false)
{
    /// <summary>A mistake on the command line itself, located at <c>rustscope</c>.</summary>
    public static Diagnostic CommandLine(string code, string message) => new("rustscope", null, null, code, message);

    /// <summary>A mistake on the command line, thrown where it is found and printed by the command that catches it.</summary>
    public static InputException CommandLineError(string code, string message) => new(CommandLine(code, message));

    /// <summary>Prints the errors and returns the usage exit code.</summary>
    public int Errors(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            error.WriteLine(diagnostic.Format(DiagnosticSeverity.Error, msbuild));
        }

        return ExitCodes.UsageError;
    }

    /// <summary>Prints one error and returns the usage exit code.</summary>
    public int Error(Diagnostic diagnostic) => Errors([diagnostic]);

    /// <summary>Prints a warning; the command goes on.</summary>
    public void Warning(Diagnostic diagnostic) => error.WriteLine(diagnostic.Format(DiagnosticSeverity.Warning, msbuild));
}
