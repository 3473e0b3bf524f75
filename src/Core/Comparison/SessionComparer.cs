using System.Globalization;
using RustScope.Core.Metrics;
using RustScope.Core.Model;
using RustScope.Core.Statistics;

namespace RustScope.Core.Comparison;

/// <summary>
/// Judges a head session against a baseline (or against absolute budgets only): extracts every metric, analyses
/// each change, corrects the p-values across all of them at once, and turns the evidence into verdicts.
/// </summary>
public static class SessionComparer
{
    /// <summary>
    /// Compares <paramref name="head"/> with <paramref name="baseline"/>; sessions of <c>--runs auto</c> are judged look by
    /// look as the series was (<see cref="SequentialReplay"/>).
    /// </summary>
    /// <exception cref="Diagnostics.InputException">The requested budget target does not exist.</exception>
    public static ComparisonResult Compare(ProfileSession baseline, ProfileSession head, ComparisonOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(head);
        return head.Meta.Adaptive is null
            ? CompareOnce(baseline, head, options)
            : SequentialReplay.Compare(baseline, head, options, Interleaving.Pairs(baseline.Meta.Interleaving, head.Meta.Interleaving), CompareOnce);
    }

    private static ComparisonResult CompareOnce(ProfileSession baseline, ProfileSession head, ComparisonOptions options)
    {
        var warnings = new List<string>();
        var target = BudgetRules.SelectTarget(options.Budget, options.Target, head.Meta.Project, warnings);
        var rules = new BudgetRules(options.Budget, target, options);
        // The two sides are independent: read out together on two cores (10 000 functions a side take a quarter second).
        var headExtraction = Task.Run(() => SessionMetrics.Extract(head));
        var baseMetrics = SessionMetrics.Extract(baseline);
        var headMetrics = headExtraction.GetAwaiter().GetResult();
        var singleRun = !SessionMetrics.HasRuns(baseline) || !SessionMetrics.HasRuns(head);
        if (singleRun)
        {
            warnings.Add("a side has a single run: per-call and per-iteration values are not independent samples; use `rustscope run --runs N` (or `rustscope ab`) for a trustworthy verdict");
        }

        if (HostMismatch(baseline.Meta.Host, head.Meta.Host) is { } mismatch)
        {
            warnings.Add(mismatch);
        }

        var drift = EnvironmentDrift.Between(baseline, head);
        if (drift is not null)
        {
            warnings.Add(drift.Warning);
        }

        var interleaved = Interleaving.Pairs(baseline.Meta.Interleaving, head.Meta.Interleaving);
        // The keys of both sides (baseline's first), each looked up once. Resolving a key's rule and analysing its change
        // stand alone (the family is judged after): all cores work on them, and the keys keep their order.
        var candidates = new List<(MetricKey Key, MetricSeries? Base, MetricSeries? Head)>(baseMetrics.Count + headMetrics.Count);
        foreach (var (key, baseSeries) in baseMetrics)
        {
            candidates.Add((key, baseSeries, headMetrics.GetValueOrDefault(key)));
        }

        foreach (var (key, headSeries) in headMetrics)
        {
            if (!baseMetrics.ContainsKey(key))
            {
                candidates.Add((key, null, headSeries));
            }
        }

        var resolved = new ResolvedRule?[candidates.Count];
        var analyzed = new ChangeAnalysis?[candidates.Count];
        Parallel.For(0, candidates.Count, i =>
        {
            var (key, baseSeries, headSeries) = candidates[i];
            var rule = rules.Resolve(key, headSeries ?? baseSeries!);
            if (BudgetRules.Compared(key, rule))
            {
                resolved[i] = rule;
                analyzed[i] = baseSeries is not null && headSeries is not null ? Analyze(baseSeries, headSeries, rule, rules.Alpha, interleaved) : null;
            }
        });

        var benchmarks = false;
        for (var i = 0; i < candidates.Count && !benchmarks; i++)
        {
            benchmarks = resolved[i] is not null && (candidates[i].Base?.Source == "benchmark" || candidates[i].Head?.Source == "benchmark");
        }

        if (!singleRun && benchmarks)
        {
            warnings.Add("a side's benchmarks ran in a single launch: iterations of one process are autocorrelated, so they are tested on their effective sample size n(1−ρ)/(1+ρ), which needs large changes to decide; launch each benchmark several times (BenchmarkDotNet --launchCount 3 or more, or `rustscope run --runs N`) to compare launches instead");
        }

        var pending = new List<(MetricKey Key, MetricSeries Series, ResolvedRule Rule, ChangeAnalysis Analysis, MetricSeries Base)>();
        var finished = new List<MetricComparison>(Unmeasured(rules, k => baseMetrics.ContainsKey(k) || headMetrics.ContainsKey(k)));
        for (var i = 0; i < candidates.Count; i++)
        {
            var (key, baseSeries, headSeries) = candidates[i];
            if (resolved[i] is not { } rule)
            {
                continue;
            }

            if (analyzed[i] is not { } analysis)
            {
                finished.Add(OneSided(key, headSeries ?? baseSeries!, rule, baseSeries is null));
                continue;
            }

            // Shown with its change and left out of the family: neither direction of it is worse (NotJudgedReason).
            // Invalid data still fails unless the metric is never judged at all.
            if (NotJudgedReason.Of(key, rule) is { } notJudged && (!analysis.Invalid || NotJudgedReason.Never(key)))
            {
                finished.Add(Judged(key, headSeries!, rule, new JudgedChange(analysis, Verdict.NotJudged, null), baseSeries!) with
                {
                    Reason = analysis.Invalid ? $"{analysis.Reason} Not judged: {notJudged}" : notJudged,
                });
                continue;
            }

            pending.Add((key, headSeries!, rule, analysis, baseSeries!));
        }

        var judged = FamilyJudge.Judge([.. pending.Select(p => p.Analysis)], new ChangeAnalysisOptions { Alpha = rules.Alpha, Correction = rules.Correction });
        var comparisons = new MetricComparison[pending.Count];
        Parallel.For(0, pending.Count, i => comparisons[i] = Judged(pending[i].Key, pending[i].Series, pending[i].Rule, judged[i], pending[i].Base));
        finished.AddRange(comparisons);
        return Result(options, options.BaselineName, target?.Name ?? head.Meta.Project, rules, [.. EnvironmentChangedRule.Apply(finished, drift)], warnings);
    }

    private static ChangeAnalysis Analyze(MetricSeries baseSeries, MetricSeries headSeries, ResolvedRule rule, double alpha, bool interleaved) =>
        ChangeAnalyzer.Analyze(baseSeries.Values, headSeries.Values, new ChangeAnalysisOptions
        {
            Alpha = alpha,
            Threshold = rule.Threshold,
            LowerIsBetter = rule.LowerIsBetter,
            // DESIGN: judged without a test only when nothing varies; several differing runs get the usual tests.
            Deterministic = headSeries.Deterministic && Summaries.IsConstant(baseSeries.Values) && Summaries.IsConstant(headSeries.Values),
            Durations = headSeries.QuantityKind == QuantityKind.Time,
            Paired = interleaved && baseSeries.Runs is { } baseRuns && headSeries.Runs is { } headRuns && baseRuns.SequenceEqual(headRuns),
            Autocorrelated = baseSeries.Source == "benchmark" || headSeries.Source == "benchmark",
        });

    /// <summary>Checks <paramref name="head"/> against the absolute budgets only, without a baseline.</summary>
    /// <exception cref="Diagnostics.InputException">The requested budget target does not exist.</exception>
    public static ComparisonResult Check(ProfileSession head, ComparisonOptions options)
    {
        var warnings = new List<string>();
        var target = BudgetRules.SelectTarget(options.Budget, options.Target, head.Meta.Project, warnings);
        var rules = new BudgetRules(options.Budget, target, options);
        var extracted = SessionMetrics.Extract(head);
        var metrics = new List<MetricComparison>(Unmeasured(rules, extracted.ContainsKey));
        foreach (var (key, series) in extracted)
        {
            var rule = rules.Resolve(key, series);
            if (rule.Budget is not null)
            {
                metrics.Add(BudgetOnly(key, series, rule));
            }
        }

        if (metrics.Count == 0)
        {
            warnings.Add("no absolute budget applies to this session; nothing was checked");
        }

        return Result(options, null, target?.Name ?? head.Meta.Project, rules, metrics, warnings);
    }

    /// <summary>Process budgets the sessions have no value for (a GC count without GC figures): Missing, never a silent pass.</summary>
    private static IEnumerable<MetricComparison> Unmeasured(BudgetRules rules, Func<MetricKey, bool> measured)
    {
        foreach (var metric in rules.Target?.Process.Metrics.Keys ?? [])
        {
            var definition = MetricCatalog.Process[metric];
            var key = MetricKey.Of(definition, null);
            if (!measured(key) && rules.BudgetOf(key) is { } rule)
            {
                yield return new MetricComparison
                {
                    Kind = key.Kind,
                    Metric = key.Metric,
                    Unit = definition.Unit,
                    Verdict = Verdict.Missing,
                    Reason = SessionMetrics.Absent(key),
                    // In the unit shown beside it, as every other comparison's budget (the file's is in base units).
                    Budget = rule.Budget / definition.Scale,
                    BudgetLocation = rule.Location,
                };
            }
        }
    }

    private static MetricComparison Judged(MetricKey key, MetricSeries series, ResolvedRule rule, JudgedChange judged, MetricSeries baseSeries)
    {
        var analysis = judged.Analysis;
        if (analysis.Invalid)
        {
            // No statistic of unusable samples is worth showing, not even a zero: the reason names the bad sample.
            return Describe(key, series, rule) with { Verdict = judged.Verdict, Reason = analysis.Reason, BaselineN = analysis.BaselineN, HeadN = analysis.HeadN, Samples = Samples(baseSeries, series) };
        }

        var comparison = Describe(key, series, rule) with
        {
            Verdict = judged.Verdict,
            Statistic = analysis.Statistic,
            BaselineValue = Finite(analysis.BaselineCenter),
            HeadValue = Finite(analysis.HeadCenter),
            Change = Finite(analysis.Change),
            ChangeCiLow = Finite(analysis.ChangeCiLow),
            ChangeCiHigh = Finite(analysis.ChangeCiHigh),
            ConfidenceLevel = analysis.ConfidenceLevel,
            Noise = Finite(analysis.Noise),
            PValue = analysis.Test is TestNames.None or TestNames.Deterministic ? null : Math.Min(analysis.PValueWorse, analysis.PValueBetter),
            AdjustedPValue = judged.AdjustedPValue,
            EquivalencePValue = analysis.EquivalencePValue,
            Test = analysis.Test,
            BaselineN = analysis.BaselineN,
            HeadN = analysis.HeadN,
            Samples = Samples(baseSeries, series),
            RunsNeeded = judged.Verdict == Verdict.Inconclusive ? analysis.RunsNeeded : null,
        };
        if (judged.Verdict == Verdict.Inconclusive)
        {
            comparison = comparison with { Reason = InconclusiveReason.Of(judged, comparison) };
        }

        return BudgetCheck.Exceeded(comparison, key, series, rule) ?? comparison;
    }

    private static string Samples(MetricSeries baseSeries, MetricSeries headSeries) =>
        headSeries.Source == baseSeries.Source ? headSeries.Source : $"{baseSeries.Source}/{headSeries.Source}";

    /// <summary>
    /// Head's samples of a metric that is not compared (new, or checked against its budget only) as Invalid when they
    /// cannot be judged: a budget must not pass on a negative or NaN figure any more than a comparison may.
    /// </summary>
    private static MetricComparison? InvalidHead(MetricKey key, MetricSeries series, ResolvedRule rule) =>
        !NotJudgedReason.Never(key) && SampleValidator.Problem("head", series.Values, series.QuantityKind == QuantityKind.Time) is { } problem
            ? Describe(key, series, rule) with { Verdict = Verdict.Invalid, Reason = problem, HeadN = series.Values.Count, Samples = series.Source }
            : null;

    private static MetricComparison OneSided(MetricKey key, MetricSeries series, ResolvedRule rule, bool isNew)
    {
        if (isNew && InvalidHead(key, series, rule) is { } invalid)
        {
            return invalid;
        }

        var typical = BudgetCheck.Typical(key, series);
        var comparison = Describe(key, series, rule) with
        {
            Verdict = isNew ? Verdict.New : Verdict.Missing,
            Reason = isNew ? "only in head" : "only in the baseline",
            Statistic = typical?.Statistic,
            HeadValue = isNew ? typical?.Value : null,
            BaselineValue = isNew ? null : typical?.Value,
            HeadN = isNew ? series.Values.Count : 0,
            BaselineN = isNew ? 0 : series.Values.Count,
            Samples = series.Source,
        };
        return isNew ? BudgetCheck.Exceeded(comparison, key, series, rule) ?? comparison : comparison;
    }

    private static MetricComparison BudgetOnly(MetricKey key, MetricSeries series, ResolvedRule rule)
    {
        if (InvalidHead(key, series, rule) is { } invalid)
        {
            return invalid;
        }

        var typical = BudgetCheck.Typical(key, series);
        var comparison = Describe(key, series, rule) with
        {
            Verdict = Verdict.WithinBudget,
            Statistic = typical?.Statistic,
            HeadValue = typical?.Value,
            HeadN = series.Values.Count,
            Samples = series.Source,
            Reason = typical is { } value ? BudgetCheck.Reason(value, series, series.Unit, rule.Budget!.Value, rule) : null,
        };
        if (NotJudgedReason.Of(key, rule) is { } notJudged)
        {
            return comparison with { Verdict = Verdict.NotJudged, Reason = comparison.Reason is { } budget ? $"{budget}; but {notJudged}" : notJudged };
        }

        return BudgetCheck.Exceeded(comparison, key, series, rule) ?? comparison;
    }

    private static MetricComparison Describe(MetricKey key, MetricSeries series, ResolvedRule rule) => new()
    {
        Kind = key.Kind,
        Subject = key.Subject,
        Metric = key.Metric,
        Unit = series.Unit,
        Verdict = Verdict.Unchanged,
        Threshold = rule.Threshold,
        Budget = rule.Budget,
        BudgetLocation = rule.Location,
    };

    private static string? HostMismatch(HostInfo? baseline, HostInfo? head)
    {
        if (baseline is null || head is null)
        {
            return null;
        }

        var differences = new List<string>();
        Differ("OS", baseline.Os, head.Os);
        Differ("CPU", baseline.Cpu, head.Cpu);
        Differ("cores", baseline.Cores.ToString(CultureInfo.InvariantCulture), head.Cores.ToString(CultureInfo.InvariantCulture));
        Differ(".NET runtime", baseline.Runtime, head.Runtime);
        return differences.Count == 0 ? null : $"baseline and head were recorded on different hosts ({string.Join("; ", differences)}): differences may come from the machine, not the code";

        void Differ(string what, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                differences.Add($"{what}: {a ?? "?"} vs {b ?? "?"}");
            }
        }
    }

    private static ComparisonResult Result(ComparisonOptions options, string? baseline, string targetName, BudgetRules rules, List<MetricComparison> metrics, List<string> warnings) => new()
    {
        Baseline = baseline,
        Head = options.HeadName,
        BudgetFile = options.Budget?.Path,
        Alpha = rules.Alpha,
        Correction = CorrectionNames.Of(rules.Correction),
        Targets = [new TargetComparison { Name = targetName, Metrics = Ordered(metrics) }],
        Warnings = warnings,
    };

    /// <summary>The report's order: worst verdicts first, then by kind, subject and metric.</summary>
    internal static IReadOnlyList<MetricComparison> Ordered(IEnumerable<MetricComparison> metrics)
    {
        // One sort with one comparison (stable, as the chained OrderBy it replaces), severity and kind computed once per
        // metric into one rank (there are fewer than 16 kinds): 90 000 metrics sort in milliseconds.
        var items = metrics.Select(static (metric, index) => (Metric: metric, Rank: (Severity(metric.Verdict) * 16) + (int)metric.Kind, Index: index)).ToArray();
        Array.Sort(items, static (a, b) =>
        {
            var order = a.Rank.CompareTo(b.Rank);
            order = order != 0 ? order : string.CompareOrdinal(a.Metric.Subject, b.Metric.Subject);
            order = order != 0 ? order : string.CompareOrdinal(a.Metric.Metric, b.Metric.Metric);
            return order != 0 ? order : a.Index.CompareTo(b.Index);
        });
        return Array.ConvertAll(items, static item => item.Metric);
    }

    private static int Severity(Verdict verdict) => verdict switch
    {
        Verdict.BudgetExceeded => 0,
        Verdict.Regressed => 1,
        Verdict.Invalid => 2,
        Verdict.Inconclusive => 3,
        Verdict.EnvironmentChanged => 4,
        Verdict.Missing => 5,
        Verdict.New => 6,
        Verdict.Improved => 7,
        Verdict.NotJudged => 8,
        _ => 9,
    };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
