using System.Globalization;

namespace RustScope.Cli.Series;

/// <summary>How many times to run a command: warm-ups first, then the measured runs — all of them, or with
/// <see cref="Adaptive"/> as many as decide the comparison, at most <see cref="Runs"/>.</summary>
internal sealed record SeriesPlan(int Runs, int WarmupRuns)
{
    /// <summary>Set by <c>--runs auto</c>: <see cref="Runs"/> is then the most a side may get.</summary>
    public AdaptiveBounds? Adaptive { get; init; }

    public int Total => Runs + WarmupRuns;

    /// <summary>The plan for a budget target that sets its own runs: they replace a number of runs, never auto.</summary>
    public SeriesPlan ForTarget(int? ownRuns) => Adaptive is null && ownRuns is { } runs ? this with { Runs = runs } : this;

    public string Describe(int position, bool warmup) => warmup
        ? string.Create(CultureInfo.InvariantCulture, $"rustscope: warm-up run {position + 1}/{WarmupRuns}")
        : Adaptive is null
            ? string.Create(CultureInfo.InvariantCulture, $"rustscope: run {position - WarmupRuns + 1}/{Runs}")
            : string.Create(CultureInfo.InvariantCulture, $"rustscope: run {position - WarmupRuns + 1} (at most {Runs}, until decided)");
}
