using System.Globalization;
using System.Text;

namespace RustScope.Core.Diagnostics;

/// <summary>A problem with the user's input, located in its file so tools and IDEs can jump to it.</summary>
/// <param name="File">The file the problem is in.</param>
/// <param name="Line">One-based line, when known.</param>
/// <param name="Column">One-based column, when known.</param>
/// <param name="Code">A stable code such as <c>RS9001</c>.</param>
/// <param name="Message">What is wrong and, where possible, how to fix it.</param>
public sealed record Diagnostic(string File, int? Line, int? Column, string Code, string Message)
{
    /// <summary>The JSON path of the problem, for JSON inputs.</summary>
    public string? JsonPath { get; init; }

    /// <summary>The error line: <c>file:line:col: error CODE: message (at $.path)</c>.</summary>
    public override string ToString() => Format(DiagnosticSeverity.Error, msbuild: false);

    /// <summary>
    /// The one line every front end prints: <c>file:line:col: error CODE: message (at $.path)</c> for people, or
    /// MSBuild's canonical <c>file(line,col): error CODE: message</c> that a ToolTask and IDEs turn into a located error.
    /// </summary>
    public string Format(DiagnosticSeverity severity, bool msbuild)
    {
        var category = severity == DiagnosticSeverity.Error ? "error" : "warning";
        // File names, keys and messages quote the input: a line break in a YAML key must not start a line of its own
        // (a forged `::error` workflow command in a CI log), nor an escape sequence reach the terminal, nor a 2 MB key
        // make a 2 MB line.
        var text = new StringBuilder(TerminalText.Neutralize(File, TextCap.Line));
        if (Line is { } line)
        {
            text.Append(msbuild ? string.Create(CultureInfo.InvariantCulture, $"({line},{Column ?? 1})") : string.Create(CultureInfo.InvariantCulture, $":{line}"));
            if (!msbuild && Column is { } column)
            {
                text.Append(CultureInfo.InvariantCulture, $":{column}");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $": {category} {Code}: {TerminalText.Neutralize(Message, TextCap.Line)}");
        if (JsonPath is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" (at {TerminalText.Neutralize(JsonPath, TextCap.Line)})");
        }

        return text.ToString();
    }
}
