using RustScope.Core.Model;

namespace RustScope.Cli.Show;

/// <summary>Everything a saved session holds, as <c>rustscope show</c> prints it; a section the session has no data for is left out.</summary>
internal static class SessionReport
{
    /// <param name="top">Rows of each ranked table (functions, lock contentions, allocation sites, per-function run statistics).</param>
    public static void Print(ProfileSession session, TextWriter output, int top)
    {
        SessionSummaryPrinter.Print(session, output);
        RunStatisticsPrinter.Print(session, output, top);
        InstrumentedFunctionsPrinter.Print(session.Functions, output, top);
        SampledFunctionsPrinter.Print(session.Functions, output, top);
        ContentionsPrinter.Print(session.Contentions, output, top);
        AllocationTablePrinter.Print(session.Allocations, output, top);
        NativeAllocationsPrinter.Print(session.NativeAllocations, output, top);
        RuntimeFiguresPrinter.Print(session, output);
        EventCountsPrinter.Print(session.MemoryEvents, output);
        WarningsPrinter.Print(session.Warnings, output);
    }
}
