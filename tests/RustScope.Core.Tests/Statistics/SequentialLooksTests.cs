using RustScope.Core.Statistics;

namespace RustScope.Core.Tests.Statistics;

/// <summary>The looks of <c>--runs auto</c> and the alpha each one spends.</summary>
public sealed class SequentialLooksTests
{
    [Fact]
    public void Looks_grow_by_a_quarter_from_five_runs_and_end_at_the_maximum()
    {
        var looks = Enumerable.Range(1, 30).Where(runs => SequentialLooks.IsLook(runs, 30)).ToList();

        Assert.Equal([5, 6, 8, 10, 13, 16, 20, 25, 30], looks);
        Assert.Equal([4], Enumerable.Range(1, 10).Where(runs => SequentialLooks.IsLook(runs, 4)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_levels_are_positive_and_add_up_to_alpha_at_the_maximum_or_when_the_rest_is_spent(bool spendRest)
    {
        int[] looks = spendRest ? [5, 6, 8, 11] : [5, 6, 8, 10, 13, 16, 20, 25, 30];

        var levels = SequentialLooks.Levels(looks, 30, 0.01, spendRest);

        Assert.All(levels, level => Assert.True(level > 0));
        Assert.Equal(0.01, levels.Sum(), 12);
    }

    [Fact]
    public void A_series_stopped_by_its_data_spends_only_its_looks_share_and_early_looks_little()
    {
        var levels = SequentialLooks.Levels([5, 6, 8, 10], 30, 0.01, spendRest: false);

        // α·t²: (10/30)² of alpha in all, (5/30)² at the first look.
        Assert.Equal(0.01 / 9, levels.Sum(), 12);
        Assert.Equal(0.01 / 36, levels[0], 12);
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 5, 5 })]
    [InlineData(new[] { 8, 6 })]
    [InlineData(new[] { 5, 31 })]
    [InlineData(new[] { 1 })]
    public void Looks_that_do_not_ascend_within_the_maximum_are_refused(int[] looks) =>
        Assert.Throws<ArgumentException>(() => SequentialLooks.Levels(looks, 30, 0.01, spendRest: false));
}
