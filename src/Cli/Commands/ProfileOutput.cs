using RustScope.Core.Diagnostics;
using RustScope.Core.IO;

namespace RustScope.Cli.Commands;

/// <summary>Writes what <c>convert</c> and <c>export</c> produce: atomically, an unwritable path an input error (RS9203).</summary>
internal static class ProfileOutput
{
    /// <param name="file">Where to write.</param>
    /// <param name="content">The bytes to write.</param>
    /// <param name="what">What is written, for the error: "the export", "the output".</param>
    /// <exception cref="InputException">The file cannot be written.</exception>
    public static void Write(string file, byte[] content, string what)
    {
        try
        {
            AtomicFile.WriteAllBytes(file, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new Diagnostic(file, null, null, DiagnosticCodes.ReportUnwritable, $"cannot write {what}: {e.Message}"));
        }
    }
}
