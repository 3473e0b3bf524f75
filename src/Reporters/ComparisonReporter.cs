using System.Text;
using RustScope.Core.Comparison;
using RustScope.Core.IO;

namespace RustScope.Reporters;

/// <summary>
/// The part every format shares: owning the output file. The report is written to a temporary file and renamed over
/// the target, so a crash never leaves half a report for CI to pick up.
/// </summary>
/// <param name="format">The format it writes.</param>
public abstract class ComparisonReporter(ReportFormat format) : IComparisonReporter
{
    // Characters encoded at a time: a 37 MB report in pieces the file's own buffer takes whole.
    private const int BufferSize = 32 * 1024;

    /// <inheritdoc/>
    public ReportFormat Format { get; } = format;

    /// <inheritdoc/>
    public abstract void Write(ComparisonResult result, TextWriter output);

    /// <inheritdoc/>
    public void WriteFile(ComparisonResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var file = AtomicFile.Begin(path);
        Write(result, file.Stream);
        file.Commit();
    }

    /// <summary>
    /// Renders <paramref name="result"/> as UTF-8 (without a byte order mark) to <paramref name="output"/>, which stays
    /// open. Formats that write bytes themselves override it, so a report of 90 000 metrics is not decoded and encoded again.
    /// </summary>
    protected virtual void Write(ComparisonResult result, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize, leaveOpen: true) { NewLine = "\n" };
        Write(result, writer);
    }
}
