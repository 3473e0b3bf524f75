using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RustScope.Core.Statistics.ChangePoints;

namespace RustScope.Core.Tests.Statistics.ChangePoints;

/// <summary>The O(n log n) scan of E-divisive's statistic against the direct O(n²) formula and SciPy's energy distance.</summary>
public sealed class EnergyScanTests
{
    private static readonly Lazy<JsonElement> Reference = new(static () =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Statistics", "reference", "reference_energy.json"))).RootElement);

    public static TheoryData<string> ReferenceNames =>
        [.. Reference.Value.GetProperty("cases").EnumerateArray().Select(static c => c.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(ReferenceNames))]
    public void The_statistic_at_the_split_matches_make_reference_energy_py(string name)
    {
        var reference = Reference.Value.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        double[] x = [.. reference.GetProperty("x").EnumerateArray().Select(static v => v.GetDouble())];
        double[] y = [.. reference.GetProperty("y").EnumerateArray().Select(static v => v.GetDouble())];

        var q = Scan([.. x, .. y])[x.Length];

        var expected = reference.GetProperty("q").GetDouble();
        Assert.True(Math.Abs(q - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{name}: {q} against {expected}");
    }

    [Property]
    public Property The_scan_equals_the_direct_formula_at_every_split() =>
        Prop.ForAll(Gen.Choose(0, 40).Select(static v => v / 4.0).ArrayOf().Where(static a => a.Length is >= 4 and <= 40).ToArbitrary(), static values =>
        {
            var scanned = Scan(values);
            return Enumerable.Range(2, values.Length - 3).All(split =>
                Math.Abs(scanned[split] - Direct(values[..split], values[split..])) <= 1e-9 * Math.Max(1, Math.Abs(scanned[split])));
        });

    private static double[] Scan(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new int[values.Length];
        for (var rank = 0; rank < order.Length; rank++)
        {
            ranks[order[rank]] = rank;
        }

        return new EnergyScan(values.Length).All(values, ranks);
    }

    // Matteson and James (2014), eq. 3 and 4 with α = 1, pair by pair.
    private static double Direct(double[] x, double[] y)
    {
        double m = x.Length, n = y.Length;
        var cross = x.Sum(a => y.Sum(b => Math.Abs(a - b)));
        static double Within(double[] s) => s.SelectMany((a, i) => s.Skip(i + 1).Select(b => Math.Abs(a - b))).Sum();
        return m * n / (m + n) * ((2 * cross / (m * n)) - (Within(x) / (m * (m - 1) / 2)) - (Within(y) / (n * (n - 1) / 2)));
    }
}
