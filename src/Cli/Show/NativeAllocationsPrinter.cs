using System.Globalization;
using RustScope.Core.Comparison;
using RustScope.Core.Model;
using static System.FormattableString;

namespace RustScope.Cli.Show;

/// <summary>
/// What <c>run --track-alloc</c> saw of the C allocator: the totals, the dropped count (never left out, even at zero),
/// the top sites by bytes and by count, the leaking sites and the lifetimes.
/// </summary>
internal static class NativeAllocationsPrinter
{
    public static void Print(NativeAllocationProfile? native, TextWriter output, int top)
    {
        if (native is null)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("Native allocations (C allocator, --track-alloc)");
        LabelledLines.Write(output, [
            ("allocated", Invariant($"{NumberText.Value(native.AllocatedBytes, "B")} in {native.Allocations} allocations, {native.Frees} frees")),
            ("peak live", NumberText.Value(native.PeakLiveBytes, "B")),
            ("leaked at exit", Invariant($"{NumberText.Value(native.LeakedBytes, "B")} in {native.LeakedBlocks} blocks")),
            ("processes", native.Processes.ToString(CultureInfo.InvariantCulture)),
            ("dropped events", native.Dropped == 0 ? "0" : Invariant($"{native.Dropped} (the pipe was full: the figures above are incomplete)")),
            .. native.Lifetimes is { } lifetimes ? [("lifetimes", Lifetimes(lifetimes))] : Array.Empty<(string, string)>(),
        ]);
        Sites(output, "Native sites", "bytes allocated", [.. native.Sites.OrderByDescending(static s => s.Bytes)], top);
        Sites(output, "Native sites", "allocations", [.. native.Sites.OrderByDescending(static s => s.Count)], top);
        Sites(output, "Native leaks", "bytes never freed", [.. native.Sites.Where(static s => s.LeakedBytes > 0).OrderByDescending(static s => s.LeakedBytes)], top);
    }

    private static string Lifetimes(LifetimeHistogram lifetimes) => string.Join(", ", [
        .. lifetimes.Buckets.Select((bucket, i) => Invariant($"{(bucket.UpToMs is { } upTo ? $"≤ {upTo:0.###} ms" : $"> {lifetimes.Buckets[i - 1].UpToMs:0.###} ms")} {bucket.Blocks}")),
        Invariant($"never freed {lifetimes.NeverFreedBlocks}")]);

    private static void Sites(TextWriter output, string title, string rankedBy, IReadOnlyCollection<NativeAllocationSite> sites, int top) =>
        RankedSection.Write(
            output,
            title,
            rankedBy,
            sites,
            top,
            new TextTable(("bytes", TextTable.Right), ("count", TextTable.Right), ("leaked", TextTable.Right), ("allocated in", TextTable.Left), ("at", TextTable.Left), ("module", TextTable.Left)),
            site =>
            [
                NumberText.Value(site.Bytes, "B"),
                site.Count.ToString(CultureInfo.InvariantCulture),
                NumberText.Value(site.LeakedBytes, "B"),
                NameCell.Of(site.Function, NameCell.FunctionWidth),
                NameCell.Of(site.Location, NameCell.ModuleWidth),
                NameCell.Of(site.Module, NameCell.ModuleWidth),
            ]);
}
