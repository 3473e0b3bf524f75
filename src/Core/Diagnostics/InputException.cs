namespace RustScope.Core.Diagnostics;

/// <summary>The user's input is invalid; carries every located problem found, so all can be reported at once.</summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the exception from one or more diagnostics.</summary>
    public InputException(params IReadOnlyList<Diagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics))
    {
        if (diagnostics.Count == 0)
        {
            throw new ArgumentException("at least one diagnostic is required", nameof(diagnostics));
        }

        Diagnostics = diagnostics;
    }

    /// <summary>The problems found, in file order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
