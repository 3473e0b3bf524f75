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
    /// The name with control characters neutralized. A longer one loses its parameter list first, then its middle
    /// (<see cref="TextCap"/>'s rule): the namespace's start and the method's own name stay.
    /// </summary>
    public static string Of(string? name, int maxLength)
    {
        if (name is null)
        {
            return "–";
        }

        if (name.Length > maxLength && name.IndexOf('(', StringComparison.Ordinal) is > 0 and var parameters)
        {
            name = $"{name[..parameters]}(…)";
        }

        return TerminalText.Neutralize(name, maxLength);
    }
}
