using RustScope.Core.Model;

namespace RustScope.Core.Tests.Layering;

/// <summary>
/// Core's namespaces are layers: each uses only the ones below it, so statistics can be read, tested and reused without
/// the budget file or the comparison, and no cycle comes back unnoticed. Read from the compiled assembly.
/// </summary>
public sealed class NamespaceLayeringTests
{
    private const string Prefix = "RustScope.Core.";

    // Bottom first. Statistics depends on nothing of ours; the metric catalog and budgets build on it; the comparison
    // puts them together; calibration measures what the comparison would see.
    private static readonly string[] Layers =
        ["Statistics", "Diagnostics", "IO", "Metrics", "Model", "Budgets", "Formats", "Comparison", "Calibration"];

    private static readonly IReadOnlyList<NamespaceUse> Uses = NamespaceUses.Of(typeof(ProfileSession).Assembly.Location, Prefix);

    [Fact]
    public void Every_namespace_uses_only_the_layers_below_it()
    {
        // A sub-namespace belongs to its layer (Formats.Pprof, the generated pprof messages, is part of Formats).
        var upward = Uses.Where(static u => Layer(u.Used) > Layer(u.User) || (Layer(u.Used) == Layer(u.User) && !SameLayerFamily(u.User, u.Used)))
            .Select(static u => $"{u.UserType} ({Layer(u.User)}) uses {u.UsedType} ({Layer(u.Used)})")
            .Distinct()
            .Order(StringComparer.Ordinal);
        Assert.Empty(upward);
    }

    [Fact]
    public void Every_namespace_of_core_has_a_layer()
    {
        var namespaces = typeof(ProfileSession).Assembly.GetTypes()
            .Select(static t => t.Namespace)
            .OfType<string>()
            .Where(static n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(static n => n[Prefix.Length..].Split('.')[0])
            .Distinct();
        Assert.All(namespaces, n => Assert.Contains(n, Layers));
    }

    [Theory]
    [InlineData("Comparison", "Statistics")]
    [InlineData("Comparison", "Metrics")]
    [InlineData("Budgets", "Metrics")]
    [InlineData("Budgets", "Statistics")]
    public void The_reader_sees_the_uses_the_code_has(string user, string used) =>
        Assert.Contains(Uses, u => u.User == Prefix + user && u.Used == Prefix + used);

    [Fact]
    public void The_reader_sees_a_use_inside_a_method_body()
    {
        // SessionPrecision names Welford in a method body only, never in a signature.
        Assert.Contains(Uses, static u => u.UserType == "RustScope.Core.Comparison.SessionPrecision" && u.UsedType == "RustScope.Core.Statistics.Welford");
    }

    private static bool SameLayerFamily(string user, string used) =>
        used.StartsWith(user + ".", StringComparison.Ordinal) || user.StartsWith(used + ".", StringComparison.Ordinal);

    private static int Layer(string name) => Array.IndexOf(Layers, name[Prefix.Length..].Split('.')[0]);
}
