using RustScope.Core.Diagnostics;

namespace RustScope.Core.Tests.Diagnostics;

public sealed class TextCapTests
{
    [Theory]
    [InlineData("Shop.Cart.Total(int32)", 22, "Shop.Cart.Total(int32)")]
    [InlineData("Company.Shop.Inventory.Cart.Total(int32)", 21, "Company.Sh…tal(int32)")]
    [InlineData("abcdef", 5, "ab…ef")]
    [InlineData("abcdef", 2, "a…")]
    public void A_longer_text_keeps_its_start_and_its_end_around_an_ellipsis(string text, int maxLength, string capped)
    {
        Assert.Equal(capped, TextCap.Of(text, maxLength));
        Assert.True(TextCap.Of(text, maxLength).Length <= maxLength);
    }

    [Fact]
    public void A_2_MB_name_becomes_a_name_of_the_cap()
    {
        var name = "Huge." + new string('N', 2_000_000) + ".Run(Case: 7)";

        var capped = TextCap.Of(name);

        Assert.Equal(TextCap.Name, capped.Length);
        Assert.StartsWith("Huge.NNN", capped, StringComparison.Ordinal);
        Assert.EndsWith("NNN.Run(Case: 7)", capped, StringComparison.Ordinal);
    }

    [Fact]
    public void A_surrogate_pair_at_either_edge_of_the_cut_is_left_out_whole()
    {
        // Not as InlineData: the runner cannot carry surrogates reliably through its serialisation.
        var rockets = string.Concat(Enumerable.Repeat("\uD83D\uDE80", 10));

        var capped = TextCap.Of(rockets, 8);

        Assert.True(capped.Length <= 8);
        Assert.Equal(0, capped.Replace("…", "", StringComparison.Ordinal).Length % 2);
        Assert.False(char.IsLowSurrogate(capped[0]) || char.IsHighSurrogate(capped[capped.IndexOf('…', StringComparison.Ordinal) - 1]));
    }
}
