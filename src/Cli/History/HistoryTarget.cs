using RustScope.History;

namespace RustScope.Cli.History;

/// <summary>The target a history command is about: the one given, or the store's only one.</summary>
internal static class HistoryTarget
{
    /// <exception cref="Core.Diagnostics.InputException">None given and the store holds several or none.</exception>
    public static string Resolve(IHistoryStore store, string? given)
    {
        if (given is not null)
        {
            return given;
        }

        var targets = store.Targets();
        return targets.Count switch
        {
            1 => targets[0],
            0 => throw HistoryAction.Invalid($"the history {store.Location} is empty: push sessions first (rustscope history push)"),
            _ => throw HistoryAction.Invalid($"give --target: the history holds {string.Join(", ", targets)}"),
        };
    }
}
