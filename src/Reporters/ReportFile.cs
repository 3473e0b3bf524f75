using System.Text;
using RustScope.Core.Comparison;
using RustScope.Core.IO;

namespace RustScope.Reporters;

/// <summary>Writes a report to a file atomically: a crash never leaves half a report for CI to pick up.</summary>
public static class ReportFile
{
    /// <summary>Renders <paramref name="result"/> with <paramref name="reporter"/> into <paramref name="path"/>.</summary>
    public static void Write(IComparisonReporter reporter, ComparisonResult result, string path)
    {
        using var file = AtomicFile.Begin(path);
        using (var writer = new StreamWriter(file.Stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true) { NewLine = "\n" })
        {
            reporter.Write(result, writer);
        }

        file.Commit();
    }
}
