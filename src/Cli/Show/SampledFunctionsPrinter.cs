using System.Globalization;
using RustScope.Core.Model;
using static System.FormattableString;

namespace RustScope.Cli.Show;

/// <summary>
/// The sampled functions that used the most CPU themselves (top of the stack) and with their callees; then those where
/// threads waited most (blocked, sleeping, in a wait or blocking I/O).
/// </summary>
internal static class SampledFunctionsPrinter
{
    public static void Print(IReadOnlyList<FunctionProfile> functions, TextWriter output, int top)
    {
        PrintCpu(functions, output, top);
        PrintWaiting(functions, output, top);
    }

    // Functions seen only in waiting threads have no CPU share and are left to the waiting table.
    private static void PrintCpu(IReadOnlyList<FunctionProfile> functions, TextWriter output, int top) =>
        RankedSection.Write(
            output,
            "Functions, sampled",
            "self %",
            [.. functions.Where(f => f.Source == FunctionSource.Sampled && f.TotalPct is not 0).OrderByDescending(f => f.SelfPct ?? 0).ThenByDescending(f => f.TotalPct ?? 0)],
            top,
            new TextTable(("self %", TextTable.Right), ("total %", TextTable.Right), ("samples", TextTable.Right), ("function", TextTable.Left), ("module", TextTable.Left)),
            function =>
            [
                Percent(function.SelfPct),
                Percent(function.TotalPct),
                function.Calls?.ToString(CultureInfo.InvariantCulture) ?? "–",
                NameCell.Of(function.Name, NameCell.FunctionWidth),
                NameCell.Of(function.Module, NameCell.ModuleWidth),
            ]);

    private static void PrintWaiting(IReadOnlyList<FunctionProfile> functions, TextWriter output, int top) =>
        RankedSection.Write(
            output,
            "Functions, waiting",
            "wait %",
            [.. functions.Where(f => f.Source == FunctionSource.Sampled && f.WaitPct > 0).OrderByDescending(f => f.WaitPct)],
            top,
            new TextTable(("wait %", TextTable.Right), ("function", TextTable.Left), ("module", TextTable.Left)),
            function =>
            [
                Percent(function.WaitPct),
                NameCell.Of(function.Name, NameCell.FunctionWidth),
                NameCell.Of(function.Module, NameCell.ModuleWidth),
            ]);

    private static string Percent(double? share) => share is { } value ? Invariant($"{value:F1} %") : "–";
}
