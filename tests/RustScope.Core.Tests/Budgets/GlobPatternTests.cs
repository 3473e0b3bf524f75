using RustScope.Core.Budgets;
using RustScope.Core.Metrics;

namespace RustScope.Core.Tests.Budgets;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("Shop.Checkout.*", "Shop.Checkout.Pay", true)]
    [InlineData("Shop.Checkout.*", "Shop.Checkout.Inner.Pay", true)]
    [InlineData("Shop.Checkout.*", "Shop.Cart.Add", false)]
    [InlineData("*.Pay", "Shop.Checkout.Pay", true)]
    [InlineData("Shop.?art.Add", "Shop.Cart.Add", true)]
    [InlineData("Shop.Cart.Add", "Shop.Cart.Add", true)]
    [InlineData("Shop.Cart.Add", "Shop.Cart.AddAll", false)]
    [InlineData("*", "anything at all", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    public void Matches_whole_names(string pattern, string name, bool matches)
    {
        Assert.Equal(matches, new GlobPattern(pattern).Matches(name));
    }

    [Fact]
    public void The_most_specific_pattern_wins_whatever_the_order()
    {
        var broad = new PatternRuleSet(new GlobPattern("Shop.*"), RuleSet.Empty with { Direction = MetricDirection.LowerIsBetter });
        var narrow = new PatternRuleSet(new GlobPattern("Shop.Checkout.*"), RuleSet.Empty with { Direction = MetricDirection.HigherIsBetter });
        var exact = new PatternRuleSet(new GlobPattern("Shop.Checkout.Pay"), new RuleSet());

        Assert.Same(narrow.Rules, PatternRuleSet.MostSpecific([broad, narrow], "Shop.Checkout.Refund"));
        Assert.Same(narrow.Rules, PatternRuleSet.MostSpecific([narrow, broad], "Shop.Checkout.Refund"));
        Assert.Same(exact.Rules, PatternRuleSet.MostSpecific([broad, narrow, exact], "Shop.Checkout.Pay"));
        Assert.Same(broad.Rules, PatternRuleSet.MostSpecific([broad, narrow], "Shop.Cart.Add"));
        Assert.Null(PatternRuleSet.MostSpecific([broad, narrow], "Other.Thing"));
    }
}
