using System.Text.Json;

namespace RustScope.Core.Tests.Statistics;

/// <summary>The committed output of reference/make_reference.py (SciPy and R) and reference/make_reference.R (R's wilcox.test), read once.</summary>
internal static class Reference
{
    private static readonly Lazy<JsonElement> Root = new(() => Load("reference.json"));

    private static readonly Lazy<JsonElement> RootR = new(() => Load("reference_r.json"));

    private static readonly Lazy<JsonElement> RootDependent = new(() => Load("reference_dependent.json"));

    /// <summary>The cases of reference_dependent.json's <paramref name="group"/> (<c>paired</c> or <c>effective</c>) that have <paramref name="property"/>.</summary>
    public static TheoryData<string> DependentNames(string group, string property) =>
        [.. RootDependent.Value.GetProperty(group).EnumerateArray().Where(c => c.TryGetProperty(property, out _)).Select(static c => c.GetProperty("name").GetString()!)];

    public static JsonElement Dependent(string group, string name) => DependentCases(group).Single(c => c.GetProperty("name").GetString() == name);

    public static IEnumerable<JsonElement> DependentCases(string group) => RootDependent.Value.GetProperty(group).EnumerateArray();

    /// <summary>R's wilcox.test on <paramref name="name"/>: p-values, and the Hodges-Lehmann estimate and interval unless R refused one.</summary>
    public static TheoryData<string> WilcoxNames(string method) =>
        [.. RootR.Value.GetProperty("cases").EnumerateArray().Where(c => c.GetProperty("method").GetString() == method).Select(static c => c.GetProperty("name").GetString()!)];

    public static JsonElement Wilcox(string name) => RootR.Value.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static IEnumerable<JsonElement> Samples => Root.Value.GetProperty("samples").EnumerateArray();

    public static IEnumerable<JsonElement> Qwilcox => Root.Value.GetProperty("qwilcox").EnumerateArray();

    public static IEnumerable<JsonElement> Corrections => Root.Value.GetProperty("corrections").EnumerateArray();

    public static TheoryData<string> SampleNames => [.. Samples.Select(static s => s.GetProperty("name").GetString()!)];

    public static TheoryData<string> SampleNamesWith(string property) =>
        [.. Samples.Where(s => s.TryGetProperty(property, out _)).Select(static s => s.GetProperty("name").GetString()!)];

    public static JsonElement Sample(string name) => Samples.Single(s => s.GetProperty("name").GetString() == name);

    public static double[] Doubles(this JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(static v => v.GetDouble())];

    public static double Number(this JsonElement element, string property) => element.GetProperty(property).GetDouble();

    private static JsonElement Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Statistics", "reference", file))).RootElement;

    /// <summary>Asserts a t-test's statistic, degrees of freedom, p-values and interval at <paramref name="level"/> agree with SciPy's.</summary>
    public static void CloseTTest(JsonElement expected, RustScope.Core.Statistics.TTestResult result, double level)
    {
        Close(expected.Number("t"), result.T, "t");
        Close(expected.Number("df"), result.DegreesOfFreedom, "df");
        Close(expected.Number("greater"), result.PValues.Greater, "greater");
        Close(expected.Number("less"), result.PValues.Less, "less");
        Close(expected.Number("two_sided"), result.PValues.TwoSided, "two-sided");
        var (low, high) = result.Interval(level);

        // MathNet's incomplete beta is good to ~1e-10, which its t quantile amplifies by 1/density (~20) into the bounds.
        Close(expected.Number("ci_low"), low, "ci low", 1e-8);
        Close(expected.Number("ci_high"), high, "ci high", 1e-8);
    }

    /// <summary>Asserts agreement within <paramref name="tolerance"/> (1e-9), absolute for probabilities and relative for larger values.</summary>
    public static void Close(double expected, double actual, string what, double tolerance = 1e-9)
    {
        tolerance *= Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
