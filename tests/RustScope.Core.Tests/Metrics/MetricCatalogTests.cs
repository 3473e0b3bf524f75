using RustScope.Core.Budgets;
using RustScope.Core.Metrics;

namespace RustScope.Core.Tests.Metrics;

public sealed class MetricCatalogTests
{
    public static TheoryData<MetricKind, string> Metrics()
    {
        var metrics = new TheoryData<MetricKind, string>();
        foreach (var section in Enum.GetValues<MetricKind>())
        {
            foreach (var name in MetricCatalog.Of(section).Keys)
            {
                metrics.Add(section, name);
            }
        }

        return metrics;
    }

    [Theory]
    [MemberData(nameof(Metrics))]
    public void Each_metric_sits_in_its_own_section_under_its_name(MetricKind section, string name) =>
        Assert.True(MetricCatalog.Of(section)[name].Is(section, name));

    [Theory]
    [MemberData(nameof(Metrics))]
    public void A_unit_and_its_scale_agree_with_the_budget_files_units(MetricKind section, string name)
    {
        var metric = MetricCatalog.Of(section)[name];
        // A budget of "1<unit>" is what one value of the metric is, in base units: 1 s is 1e9 ns, 1 MB is 1e6 bytes.
        if (metric.Kind == QuantityKind.Number)
        {
            Assert.Equal(("count", 1.0), (metric.Unit, metric.Scale));
            return;
        }

        Assert.True(Quantity.TryParse("1" + metric.Unit, out var one), metric.Unit);
        Assert.Equal((metric.Kind, metric.Scale), (one.Kind, one.Value));
    }
}
