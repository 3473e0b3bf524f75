using RustScope.Core.Diagnostics;

namespace RustScope.Cli.Show;

/// <summary>A name the profiled program chose (function, module, type) as a table cell: inert on a terminal, bounded in width.</summary>
internal static class NameCell
{
    /// <summary>Room for a function's name: namespace, type and method of most .NET and native programs.</summary>
    public const int FunctionWidth = 60;

    /// <summary>Room for an assembly's or shared object's name.</summary>
    public const int ModuleWidth = 32;

    /// <summary>
    /// The name with control characters neutralized. A longer one loses its parameter list first, then its start
    /// (the namespace): the method's own name is what a reader looks for.
    /// </summary>
    public static string Of(string? name, int maxLength)
    {
        if (name is null)
        {
            return "–";
        }

        var safe = TerminalText.Neutralize(name);
        if (safe.Length > maxLength && safe.IndexOf('(', StringComparison.Ordinal) is > 0 and var parameters)
        {
            safe = $"{safe[..parameters]}(…)";
        }

        return safe.Length <= maxLength ? safe : $"…{safe[^(maxLength - 1)..]}";
    }
}
