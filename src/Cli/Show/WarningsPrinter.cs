using RustScope.Core.Diagnostics;

namespace RustScope.Cli.Show;

/// <summary>What the session says about how it was collected (data that may be missing, a collector that could not run).</summary>
internal static class WarningsPrinter
{
    public static void Print(IReadOnlyList<string> warnings, TextWriter output)
    {
        if (warnings.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("Warnings:");
        foreach (var warning in warnings)
        {
            output.WriteLine($"  - {TerminalText.Neutralize(warning, TextCap.Line)}");
        }
    }
}
