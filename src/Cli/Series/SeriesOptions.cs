using System.CommandLine;
using System.Globalization;
using RustScope.Core.Diagnostics;
using RustScope.Core.Statistics;

namespace RustScope.Cli.Series;

/// <summary>
/// <c>--runs N|auto</c>, <c>--warmup-runs</c>, <c>--max-runs</c> and <c>--max-time</c>, validated in one place for every
/// command that runs a series.
/// </summary>
/// <param name="defaultWarmupRuns">Null: one warm-up run when there is more than one run (or auto), none for a single run.</param>
/// <param name="minimumRuns">The fewest measured runs the command can use (calibrate's spread and drift need 3).</param>
/// <param name="adaptive">Whether <c>--runs auto</c> and its bounds are offered.</param>
internal sealed class SeriesOptions(int defaultRuns, int? defaultWarmupRuns, int minimumRuns = 1, bool adaptive = true)
{
    /// <summary>The most runs a side <c>--runs auto</c> makes unless told otherwise.</summary>
    public const int DefaultMaxRuns = 30;

    public Option<string?> Runs { get; } = new("--runs")
    {
        Description = $"Measured runs (a side), or 'auto': add runs until every gated metric is decided (sequential tests, at most --max-runs). Default {defaultRuns}.",
    };

    public Option<int?> WarmupRuns { get; } = new("--warmup-runs")
    {
        Description = $"Discarded runs (a side) before the measured ones. Default {(defaultWarmupRuns is { } warmups ? warmups.ToString(CultureInfo.InvariantCulture) : "1 with more than one run, else 0")}.",
    };

    public Option<int> MaxRuns { get; } = new("--max-runs") { Description = "With --runs auto: the most measured runs a side.", DefaultValueFactory = _ => DefaultMaxRuns };

    public Option<string?> MaxTime { get; } = new("--max-time") { Description = "With --runs auto: stop adding runs after this long, e.g. 90s, 10m or 1h (default: no limit)." };

    public IEnumerable<Option> All => adaptive ? [Runs, WarmupRuns, MaxRuns, MaxTime] : [Runs, WarmupRuns];

    /// <summary>The plan the options ask for; <paramref name="fallbackRuns"/> replaces the default when <c>--runs</c> is absent (a budget target's own runs).</summary>
    /// <exception cref="InputException">A value is not a count, not 'auto', or out of range (RS9007); the message names the option.</exception>
    public SeriesPlan Plan(ParseResult parse, int? fallbackRuns = null)
    {
        var text = parse.GetValue(Runs);
        var auto = adaptive && string.Equals(text, "auto", StringComparison.OrdinalIgnoreCase);

        // A series' first run is the one with a cold cache and a JIT at work: discarded unless asked for.
        var warmups = parse.GetValue(WarmupRuns) ?? defaultWarmupRuns ?? (auto || text is not (null or "1") ? 1 : 0);
        if (warmups < 0)
        {
            throw Invalid("--warmup-runs cannot be negative");
        }

        if (auto)
        {
            var max = parse.GetValue(MaxRuns);
            return max < SequentialLooks.FirstLook
                ? throw Invalid(string.Create(CultureInfo.InvariantCulture, $"--max-runs must be at least {SequentialLooks.FirstLook}, the first look of --runs auto"))
                : new SeriesPlan(max, warmups) { Adaptive = new AdaptiveBounds(max, Duration(parse.GetValue(MaxTime))) };
        }

        if (adaptive && (parse.GetValue(MaxTime) is not null || parse.GetResult(MaxRuns) is { Implicit: false }))
        {
            throw Invalid("--max-runs and --max-time bound --runs auto; give --runs auto or leave them out");
        }

        var runs = text is null ? fallbackRuns ?? defaultRuns
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count
            : throw Invalid(adaptive ? $"--runs takes a number or 'auto', not '{text}'" : $"--runs takes a number, not '{text}'");
        return runs < minimumRuns ? throw Invalid(string.Create(CultureInfo.InvariantCulture, $"--runs must be at least {minimumRuns}")) : new SeriesPlan(runs, warmups);
    }

    private static InputException Invalid(string message) => DiagnosticWriter.CommandLineError(DiagnosticCodes.RunsInvalid, message);

    // "90", "90s", "10m", "1h": how CI timeouts are written.
    private static TimeSpan? Duration(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var (number, unit) = text.Length > 0 && char.IsLetter(text[^1]) ? (text[..^1], text[^1]) : (text, 's');
        var seconds = unit switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => double.NaN };
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value * seconds < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(value * seconds)
            : throw Invalid($"--max-time takes a duration such as 90s, 10m or 1h, not '{text}'");
    }
}
