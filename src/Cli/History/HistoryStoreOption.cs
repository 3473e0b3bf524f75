using System.CommandLine;
using RustScope.Core.Diagnostics;
using RustScope.History;

namespace RustScope.Cli.History;

/// <summary><c>--store</c>: which history a command reads or writes, with the environment's default.</summary>
internal sealed class HistoryStoreOption
{
    public Option<string?> Store { get; } = new("--store")
    {
        Description = $"The history: a SQLite file (default {HistoryStores.DefaultPath}) or postgres://user:password@host:port/database; default ${HistoryStores.Variable} when set.",
    };

    /// <summary>Opens the store the options and <paramref name="console"/>'s environment name.</summary>
    /// <exception cref="InputException">It cannot be used.</exception>
    public IHistoryStore Open(ParseResult parse, CliConsole console)
    {
        try
        {
            return HistoryStores.Open(HistoryStores.Resolve(parse.GetValue(Store), console.Environment));
        }
        catch (HistoryStoreException e)
        {
            throw Unusable(e);
        }
    }

    /// <summary>A store error as the diagnostic commands print.</summary>
    public static InputException Unusable(HistoryStoreException e) => DiagnosticWriter.CommandLineError(DiagnosticCodes.HistoryStoreUnusable, TerminalText.Neutralize(e.Message));
}
