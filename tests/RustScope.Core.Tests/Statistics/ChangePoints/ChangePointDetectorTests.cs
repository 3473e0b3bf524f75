using RustScope.Core.Statistics.ChangePoints;
using Xunit.Abstractions;

namespace RustScope.Core.Tests.Statistics.ChangePoints;

/// <summary>
/// Synthetic histories with known truth. Each case is seeded, so the counts asserted are exact for this code; they are
/// printed so docs/statistics.md can quote them.
/// </summary>
public sealed class ChangePointDetectorTests(ITestOutputHelper output)
{
    private const int Histories = 200;

    [Fact]
    public void A_five_percent_step_at_commit_30_of_60_under_3_percent_noise_is_found_there_with_its_size()
    {
        var series = SyntheticHistory.FivePercentStep(seed: 1);

        var step = Assert.Single(ChangePointDetector.Detect(series));

        Assert.InRange(step.Index, 29, 31);
        Assert.Equal(series[step.Index].Commit, step.Commit);
        Assert.InRange(step.PValue, 0, 0.05);
        Assert.InRange(0.05, step.RelativeChangeLow, step.RelativeChangeHigh);
        Assert.InRange(step.RelativeChange, step.RelativeChangeLow, step.RelativeChangeHigh);
        Assert.InRange(step.Before, 98, 102);
        Assert.InRange(step.After, 103, 107);
    }

    [Fact]
    public void Over_many_histories_the_five_percent_step_is_always_found_and_mostly_within_one_commit()
    {
        int found = 0, withinOne = 0, exact = 0, covered = 0;
        for (var seed = 1; seed <= Histories; seed++)
        {
            var changes = ChangePointDetector.Detect(SyntheticHistory.FivePercentStep(seed));
            var nearest = changes.MinBy(static c => Math.Abs(c.Index - 30));
            found += nearest is null ? 0 : 1;
            withinOne += nearest is not null && Math.Abs(nearest.Index - 30) <= 1 ? 1 : 0;
            exact += nearest?.Index == 30 ? 1 : 0;
            covered += nearest is not null && nearest.RelativeChangeLow <= 0.05 && 0.05 <= nearest.RelativeChangeHigh ? 1 : 0;
        }

        output.WriteLine($"5 % step, {Histories} histories: found {found}, exact {exact}, within one {withinOne}, interval holds 5 % {covered}");
        Assert.Equal(Histories, found);
        // A 1.7-sigma step is where even the Gaussian least-squares split lands within one commit about 75 % of the time.
        Assert.True(withinOne >= 0.7 * Histories, $"within one commit in {withinOne} of {Histories}");
        Assert.True(covered >= 0.85 * Histories, $"interval holds the true 5 % in {covered} of {Histories}");
    }

    [Fact]
    public void Two_steps_are_both_found_each_with_its_own_size()
    {
        int both = 0, withinOne = 0;
        for (var seed = 1; seed <= Histories / 4; seed++)
        {
            var changes = ChangePointDetector.Detect(SyntheticHistory.Series(60, static i => i < 20 ? 100 : i < 45 ? 105 : 112, 0.02, seed));
            var first = changes.MinBy(static c => Math.Abs(c.Index - 20));
            var second = changes.MinBy(static c => Math.Abs(c.Index - 45));
            both += changes.Count == 2 && first != second ? 1 : 0;
            withinOne += first is not null && second is not null && Math.Abs(first.Index - 20) <= 1 && Math.Abs(second.Index - 45) <= 1 ? 1 : 0;
        }

        output.WriteLine($"two steps, {Histories / 4} histories: exactly two found {both}, both within one {withinOne}");
        Assert.True(both >= 0.9 * Histories / 4, $"exactly two steps in {both}");
        Assert.True(withinOne >= 0.8 * Histories / 4, $"both within one commit in {withinOne}");

        var canonical = ChangePointDetector.Detect(SyntheticHistory.Series(60, static i => i < 20 ? 100 : i < 45 ? 105 : 112, 0.02, seed: 1));
        Assert.Equal([20, 45], canonical.Select(static c => c.Index));
        Assert.InRange(0.05, canonical[0].RelativeChangeLow, canonical[0].RelativeChangeHigh);
        Assert.InRange(112 / 105.0 - 1, canonical[1].RelativeChangeLow, canonical[1].RelativeChangeHigh);
    }

    [Fact]
    public void A_slow_drift_is_reported_as_a_staircase_of_small_steps_in_its_direction_never_one_step_of_its_size()
    {
        // 0.2 % a commit: 12 % over 60 commits under 1 % noise.
        for (var seed = 1; seed <= 20; seed++)
        {
            var changes = ChangePointDetector.Detect(SyntheticHistory.Series(60, static i => 100 * (1 + (0.002 * i)), 0.01, seed));

            output.WriteLine($"drift seed {seed}: " + string.Join(", ", changes.Select(static c => $"{c.Index} {c.RelativeChange:P1}")));
            Assert.True(changes.Count >= 2, $"seed {seed}: {changes.Count} steps");
            Assert.All(changes, static c => Assert.InRange(c.RelativeChange, 0, 0.06));
        }
    }

    [Fact]
    public void A_flat_history_has_no_step_and_false_alarms_stay_near_alpha()
    {
        Assert.Empty(ChangePointDetector.Detect(SyntheticHistory.Series(60, static _ => 100, 0.03, seed: 1)));

        const int Flat = 400;
        var alarms = Enumerable.Range(1, Flat).Count(static seed => ChangePointDetector.Detect(SyntheticHistory.Series(60, static _ => 100, 0.03, seed)).Count > 0);

        output.WriteLine($"flat, {Flat} histories at alpha 0.05: {alarms} with a step");
        // Three binomial standard errors either side of alpha.
        var margin = 3 * Math.Sqrt(0.05 * 0.95 / Flat);
        Assert.InRange(alarms / (double)Flat, 0.05 - margin, 0.05 + margin);
    }

    [Fact]
    public void The_same_seed_gives_the_same_steps_and_another_seed_the_same_steps_here()
    {
        var series = SyntheticHistory.Series(120, static i => i < 70 ? 50 : 47, 0.02, seed: 9);

        var once = ChangePointDetector.Detect(series);
        var again = ChangePointDetector.Detect(series);
        var otherSeed = ChangePointDetector.Detect(series, new ChangePointOptions { Seed = 7 });

        Assert.Equal(once, again);
        Assert.Equal(once.Select(static c => c.Index), otherSeed.Select(static c => c.Index));
        Assert.True(once[0].RelativeChange < 0, "a drop is a negative relative change");
    }

    [Fact]
    public void Short_constant_and_empty_histories_have_no_steps()
    {
        Assert.Empty(ChangePointDetector.Detect([]));
        Assert.Empty(ChangePointDetector.Detect(SyntheticHistory.Series(5, static i => i < 3 ? 1 : 100, 0, seed: 1)));
        Assert.Empty(ChangePointDetector.Detect(SyntheticHistory.Series(40, static _ => 7, 0, seed: 1)));
    }

    [Fact]
    public void Two_flat_levels_without_noise_have_one_step_and_nothing_more_over_a_thousand_commits()
    {
        // Each level equal to the last bit, as a metric that does not change between commits (or a quantised one) is,
        // and a lone last point back at the first level, which no split can isolate.
        var series = SyntheticHistory.Series(1001, static i => i is < 500 or 1000 ? 1.002 : 1.1022, 0, seed: 1);

        var step = Assert.Single(ChangePointDetector.Detect(series));

        Assert.Equal(500, step.Index);
        Assert.Equal(0.1, step.RelativeChange, 6);
    }

    [Fact]
    public void A_step_in_values_around_zero_is_sized_against_the_level_before()
    {
        var series = SyntheticHistory.Series(40, static i => i < 20 ? -10 : 10, 0.01, seed: 3);

        var step = Assert.Single(ChangePointDetector.Detect(series));

        Assert.Equal(20, step.Index);
        Assert.InRange(step.RelativeChange, 1.9, 2.1);
    }

    [Fact]
    public void A_value_that_is_not_finite_is_refused_naming_its_commit()
    {
        var series = SyntheticHistory.Series(10, static _ => 1, 0.01, seed: 1).ToList();
        series[4] = series[4] with { Value = double.NaN };

        var error = Assert.Throws<ArgumentException>(() => ChangePointDetector.Detect(series));

        Assert.Contains(series[4].Commit, error.Message, StringComparison.Ordinal);
    }
}
