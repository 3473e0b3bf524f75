using RustScope.Core.Comparison;
using RustScope.Reporters;

namespace RustScope.Cli.Gate;

/// <summary>How a gate judges and reports, read from the options every gating command shares (<see cref="GateOptions"/>).</summary>
/// <param name="Comparison">The budget and the statistics.</param>
/// <param name="FailOn">Which verdicts fail the gate.</param>
/// <param name="Reports">The report files asked for, as the user wrote their paths.</param>
/// <param name="MSBuild">Print MSBuild canonical diagnostics instead of the table.</param>
/// <param name="GitHub">Print GitHub Actions annotations and append to the job summary even outside Actions.</param>
internal sealed record GateSettings(ComparisonOptions Comparison, FailOn FailOn, IReadOnlyList<(ReportFormat Format, string Path)> Reports, bool MSBuild, bool GitHub)
{
    /// <summary>Where to write the HTML report (the first subject's baseline and head with the verdicts), as the user wrote it; null for none.</summary>
    public string? Html { get; init; }
}
