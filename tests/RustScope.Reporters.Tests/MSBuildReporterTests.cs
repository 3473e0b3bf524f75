using System.Text.RegularExpressions;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Reporters.MSBuild;

namespace RustScope.Reporters.Tests;

public sealed partial class MSBuildReporterTests
{
    [Fact]
    public void Every_line_is_a_canonical_diagnostic_MSBuild_can_parse()
    {
        var lines = ReporterApprovalTests.Render(new MSBuildReporter(), Samples.Result()).TrimEnd('\n').Split('\n');

        Assert.Equal(6, lines.Length);
        Assert.All(lines, l => Assert.Matches(Canonical(), l));
        Assert.StartsWith($"rustscope.yml(12,7): error {DiagnosticCodes.Regressed}: wall_time regressed", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"rustscope.yml(12,20): error {DiagnosticCodes.BudgetExceeded}: peak_rss", lines[2], StringComparison.Ordinal);
        Assert.StartsWith($"rustscope.yml: warning {DiagnosticCodes.Inconclusive}: Shop.Cart.Add mean inconclusive", lines[3], StringComparison.Ordinal);
        Assert.StartsWith($"rustscope.yml: error {DiagnosticCodes.InvalidData}: Shop.Cart.Add alloc_per_call invalid", lines[4], StringComparison.Ordinal);
        Assert.StartsWith($"rustscope.yml: warning {DiagnosticCodes.EnvironmentChanged}: wall_time environment changed: +147.8 % (slower), but the machine changed", lines[5], StringComparison.Ordinal);
    }

    [Fact]
    public void Inconclusive_is_an_error_when_it_fails_the_gate()
    {
        var text = ReporterApprovalTests.Render(new MSBuildReporter(FailOn.Inconclusive), Samples.Result());

        Assert.Contains($"rustscope.yml: error {DiagnosticCodes.Inconclusive}: ", text, StringComparison.Ordinal);
    }

    // The shape of MSBuild's CanonicalError: origin[(line,col)]: category code: text, all on one line.
    [GeneratedRegex(@"^[^\s(:][^(:]*(\(\d+,\d+\))?: (error|warning) RS\d{4}: [^\r\n\u001b]+$")]
    private static partial Regex Canonical();
}
