using System.Globalization;

namespace RustScope.Cli.Commands;

/// <summary>How many times to run a command: warm-ups first, then the measured runs.</summary>
internal sealed record SeriesPlan(int Runs, int WarmupRuns)
{
    public int Total => Runs + WarmupRuns;

    public string Describe(int position, bool warmup) => warmup
        ? string.Create(CultureInfo.InvariantCulture, $"rustscope: warm-up run {position + 1}/{WarmupRuns}")
        : string.Create(CultureInfo.InvariantCulture, $"rustscope: run {position - WarmupRuns + 1}/{Runs}");
}
