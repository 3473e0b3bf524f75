using RustScope.Core.Comparison;

namespace RustScope.Reporters;

/// <summary>What the command line decides for every reporter it creates.</summary>
public sealed record ReporterSettings
{
    /// <summary>Which verdicts fail the gate; reports mark those as failures.</summary>
    public FailOn FailOn { get; init; } = FailOn.Regressed;

    /// <summary>Whether the console table may use colours (see <see cref="Console.ConsoleReporter.ShouldUseColors"/>).</summary>
    public bool Colors { get; init; }
}
