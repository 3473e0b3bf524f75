using System.CommandLine;
using RustScope.Cli.Git;
using RustScope.Collectors.Host;
using RustScope.Core.Diagnostics;
using RustScope.History;

namespace RustScope.Cli.History;

/// <summary>How a baseline is taken from the history, shared by <c>history baseline</c> and <c>gate --baseline-from history</c>.</summary>
internal sealed class HistoryBaselineOptions
{
    public HistoryStoreOption Store { get; } = new();

    public Option<string> Main { get; } = new("--main-branch") { Description = "The main branch the history follows (default main).", DefaultValueFactory = _ => "main" };

    public Option<bool> AnyHost { get; } = new("--any-host") { Description = "Take runs from any host, not only from one like this machine (the host that ran the commit most is taken)." };

    public Option<int> Depth { get; } = new("--depth") { Description = "How many main commits back to look for runs.", DefaultValueFactory = _ => HistoryBaseline.DefaultDepth };

    public IEnumerable<Option> All => [Store.Store, Main, AnyHost, Depth];

    /// <summary>The baseline of <paramref name="target"/> for <paramref name="reference"/>.</summary>
    /// <exception cref="InputException">git cannot answer, or nothing in the history fits (the message says why).</exception>
    public async Task<BaselineChoice> ChooseAsync(ParseResult parse, IHistoryStore history, string reference, string target, string directory, CancellationToken cancel)
    {
        IReadOnlyList<string> candidates;
        try
        {
            candidates = await HistoryBaseline.CandidatesAsync(reference, parse.GetValue(Main)!, directory, parse.GetValue(Depth), cancel).ConfigureAwait(false);
        }
        catch (GitException e)
        {
            throw DiagnosticWriter.CommandLineError(DiagnosticCodes.HistoryBaselineNone, TerminalText.Neutralize($"cannot find the main commits before {reference}: {e.Message}"));
        }

        try
        {
            return HistoryBaseline.Choose(history, target, parse.GetValue(AnyHost) ? null : HostFingerprint.Of(HostProbe.Read()), candidates);
        }
        catch (NoBaselineException e)
        {
            throw DiagnosticWriter.CommandLineError(DiagnosticCodes.HistoryBaselineNone, TerminalText.Neutralize($"no baseline for {reference}: {e.Message}"));
        }
    }
}
