using RustScope.Core.Diagnostics;
using RustScope.History;

namespace RustScope.Cli.History;

/// <summary>How every <c>history</c> subcommand ends: a bad input or an unusable store is a located error and exit 2.</summary>
internal static class HistoryAction
{
    public static async Task<int> RunAsync(CliConsole console, Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (InputException e)
        {
            return new DiagnosticWriter(console.Error).Errors(e.Diagnostics);
        }
        catch (HistoryStoreException e)
        {
            return new DiagnosticWriter(console.Error).Errors(HistoryStoreOption.Unusable(e).Diagnostics);
        }
    }

    public static Task<int> RunAsync(CliConsole console, Func<int> action) => RunAsync(console, () => Task.FromResult(action()));

    /// <summary>A mistake in what a history command was asked.</summary>
    public static InputException Invalid(string message) => DiagnosticWriter.CommandLineError(DiagnosticCodes.HistoryInputInvalid, TerminalText.Neutralize(message));
}
