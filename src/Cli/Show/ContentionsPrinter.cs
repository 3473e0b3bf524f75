using System.Globalization;
using RustScope.Core.Comparison;
using RustScope.Core.Model;

namespace RustScope.Cli.Show;

/// <summary>The places where threads waited longest for a lock another thread held.</summary>
internal static class ContentionsPrinter
{
    public static void Print(IReadOnlyList<LockContention> contentions, TextWriter output, int top) =>
        RankedSection.Write(
            output,
            "Lock contentions",
            "wait time",
            [.. contentions.OrderByDescending(c => c.WaitMs)],
            top,
            new TextTable(("wait", TextTable.Right), ("times", TextTable.Right), ("lock taken in", TextTable.Left), ("module", TextTable.Left)),
            contention =>
            [
                NumberText.Value(contention.WaitMs * 1e6, "ns"),
                contention.Count.ToString(CultureInfo.InvariantCulture),
                NameCell.Of(contention.Function, NameCell.FunctionWidth),
                NameCell.Of(contention.Module, NameCell.ModuleWidth),
            ]);
}
