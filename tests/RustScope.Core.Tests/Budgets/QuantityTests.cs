using RustScope.Core.Budgets;
using RustScope.Core.Metrics;

namespace RustScope.Core.Tests.Budgets;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("250ns", 250, QuantityKind.Time)]
    [InlineData("200us", 200_000, QuantityKind.Time)]
    [InlineData("200µs", 200_000, QuantityKind.Time)]
    [InlineData("2ms", 2_000_000, QuantityKind.Time)]
    [InlineData("1.5s", 1_500_000_000, QuantityKind.Time)]
    [InlineData("2m", 120_000_000_000, QuantityKind.Time)]
    [InlineData("512B", 512, QuantityKind.Bytes)]
    [InlineData("1KB", 1_000, QuantityKind.Bytes)]
    [InlineData("200MB", 200_000_000, QuantityKind.Bytes)]
    [InlineData("2GB", 2_000_000_000, QuantityKind.Bytes)]
    [InlineData("1KiB", 1_024, QuantityKind.Bytes)]
    [InlineData("200 MiB", 209_715_200, QuantityKind.Bytes)]
    [InlineData("1GiB", 1_073_741_824, QuantityKind.Bytes)]
    [InlineData("5%", 5, QuantityKind.Percent)]
    [InlineData("0.01", 0.01, QuantityKind.Number)]
    [InlineData("10", 10, QuantityKind.Number)]
    public void Parses_every_documented_unit(string text, double value, QuantityKind kind)
    {
        Assert.True(Quantity.TryParse(text, out var quantity));
        Assert.Equal(kind, quantity.Kind);
        Assert.Equal(value, quantity.Value, 6);
    }

    [Theory]
    [InlineData("2 hours")]
    [InlineData("ms")]
    [InlineData("1,5ms")]
    [InlineData("2mb")]
    [InlineData("NaNms")]
    [InlineData("")]
    public void Refuses_what_is_not_a_number_with_a_known_unit(string text)
    {
        Assert.False(Quantity.TryParse(text, out _));
    }
}
