namespace RustScope.Core.Statistics;

/// <summary>The names of the corrections as the budget file, the command line and the comparison JSON write them.</summary>
public static class CorrectionNames
{
    /// <summary>Holm's step-down method.</summary>
    public const string Holm = "holm";

    /// <summary>Benjamini-Hochberg's step-up method.</summary>
    public const string BenjaminiHochberg = "benjamini-hochberg";

    /// <summary>Every accepted name, for error messages and suggestions.</summary>
    public static IReadOnlyList<string> All { get; } = [Holm, BenjaminiHochberg];

    /// <summary>The name of <paramref name="correction"/>.</summary>
    public static string Of(MultipleComparisonCorrection correction) => correction switch
    {
        MultipleComparisonCorrection.Holm => Holm,
        MultipleComparisonCorrection.BenjaminiHochberg => BenjaminiHochberg,
        _ => throw new ArgumentOutOfRangeException(nameof(correction), correction, "Unknown correction."),
    };

    /// <summary>Reads a name written as <see cref="Holm"/> or <see cref="BenjaminiHochberg"/> (exactly).</summary>
    public static bool TryParse(string? name, out MultipleComparisonCorrection correction)
    {
        correction = name == Holm ? MultipleComparisonCorrection.Holm : MultipleComparisonCorrection.BenjaminiHochberg;
        return name is Holm or BenjaminiHochberg;
    }
}
