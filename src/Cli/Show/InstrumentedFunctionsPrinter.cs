using System.Globalization;
using RustScope.Core.Comparison;
using RustScope.Core.Model;

namespace RustScope.Cli.Show;

/// <summary>
/// The instrumented (<c>[Profile]</c>) functions that spent the most time in their own code, with their latencies and
/// the calls that ended with an exception (canceled ones named apart).
/// </summary>
internal static class InstrumentedFunctionsPrinter
{
    public static void Print(IReadOnlyList<FunctionProfile> functions, TextWriter output, int top) =>
        RankedSection.Write(
            output,
            "Functions, instrumented",
            "self time",
            [.. functions.Where(f => f.Source == FunctionSource.Instrumented).OrderByDescending(f => f.SelfTimeNs ?? 0).ThenByDescending(f => f.Calls ?? 0)],
            top,
            new TextTable(
                ("calls", TextTable.Right), ("exceptions", TextTable.Right), ("self time", TextTable.Right), ("p50", TextTable.Right), ("p95", TextTable.Right), ("p99", TextTable.Right),
                ("function", TextTable.Left), ("module", TextTable.Left)),
            function =>
            [
                function.Calls?.ToString(CultureInfo.InvariantCulture) ?? "–",
                Exceptions(function),
                NumberText.Value(function.SelfTimeNs, "ns"),
                NumberText.Value(function.LatencyNs?.P50, "ns"),
                NumberText.Value(function.LatencyNs?.P95, "ns"),
                NumberText.Value(function.LatencyNs?.P99, "ns"),
                NameCell.Of(function.Name, NameCell.FunctionWidth),
                NameCell.Of(function.Module, NameCell.ModuleWidth),
            ]);

    private static string Exceptions(FunctionProfile function) => function switch
    {
        { Exceptions: null } => "–",
        { Cancellations: > 0 } => string.Create(CultureInfo.InvariantCulture, $"{function.Exceptions} ({function.Cancellations} canceled)"),
        _ => function.Exceptions.Value.ToString(CultureInfo.InvariantCulture),
    };
}
