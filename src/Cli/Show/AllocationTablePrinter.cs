using System.Globalization;
using RustScope.Core.Comparison;
using RustScope.Core.Model;

namespace RustScope.Cli.Show;

/// <summary>The allocation sites with the most estimated bytes: the type and the function that allocated it.</summary>
internal static class AllocationTablePrinter
{
    private const int TypeWidth = 40;

    public static void Print(IReadOnlyList<AllocationSite> sites, TextWriter output, int top) =>
        RankedSection.Write(
            output,
            "Allocation sites",
            "estimated bytes",
            [.. sites.OrderByDescending(s => s.Bytes)],
            top,
            new TextTable(("bytes", TextTable.Right), ("samples", TextTable.Right), ("type", TextTable.Left), ("allocated in", TextTable.Left)),
            site =>
            [
                NumberText.Value(site.Bytes, "B"),
                site.Count.ToString(CultureInfo.InvariantCulture),
                NameCell.Of(site.Type, TypeWidth),
                NameCell.Of(site.Stack.Count > 0 ? site.Stack[^1].Name : null, NameCell.FunctionWidth),
            ]);
}
