using System.Xml.Linq;
using System.Xml.Schema;
using RustScope.Core.Comparison;
using RustScope.Reporters.JUnit;

namespace RustScope.Reporters.Tests;

public sealed class JUnitReporterTests
{
    [Theory]
    [InlineData(FailOn.Regressed, 4, 2)]
    [InlineData(FailOn.Inconclusive, 5, 1)]
    public void Validates_against_the_published_Jenkins_schema_with_failures_and_skips(FailOn failOn, int failures, int skipped)
    {
        var xml = ReporterApprovalTests.Render(new JUnitReporter(failOn), Samples.Result());

        var document = Validated(xml);

        var suite = document.Root!.Elements("testsuite").Single(s => (string?)s.Attribute("name") == "checkout");
        Assert.Equal((failures, skipped), ((int)suite.Attribute("failures")!, (int)suite.Attribute("skipped")!));
        Assert.Equal(failures, suite.Descendants("failure").Count());
        Assert.Equal(skipped, suite.Descendants("skipped").Count());
        Assert.Contains(suite.Descendants("skipped"), s => s.Value == "Shop.Old p50 missing: only in the baseline");
        Assert.Equal(Environment.MachineName, (string?)suite.Attribute("hostname"));
    }

    [Fact]
    public void A_wall_time_the_machine_moved_is_skipped_with_its_figures()
    {
        var document = Validated(ReporterApprovalTests.Render(new JUnitReporter(FailOn.Inconclusive), Samples.Result()));

        var suite = document.Root!.Elements("testsuite").Single(s => (string?)s.Attribute("name") == "search");
        Assert.Equal((0, 1), ((int)suite.Attribute("failures")!, (int)suite.Attribute("skipped")!));
        Assert.StartsWith("wall_time environment changed: +147.8 % (slower), but the machine changed (base ran with other processes using 3 % of the CPUs, head with 71 %)", suite.Descendants("skipped").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_XML_cannot_carry_are_replaced_and_markup_is_escaped()
    {
        var xml = ReporterApprovalTests.Render(new JUnitReporter(), Samples.Result());

        var document = Validated(xml);

        Assert.DoesNotContain('\u0001', xml);
        Assert.DoesNotContain('\u001b', xml);
        Assert.DoesNotContain("<script>", xml, StringComparison.Ordinal);
        var hostile = document.Descendants("testcase").Single(t => ((string)t.Attribute("name")!).EndsWith("p95", StringComparison.Ordinal));
        Assert.StartsWith("Shop.<script>alert(1)</script>|`rm -rf`]]>\uFFFD[31m\uFFFD*_[x](y)\nnext", (string)hostile.Attribute("name")!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_says_what_regressed_and_where_its_budget_is()
    {
        var document = XDocument.Parse(ReporterApprovalTests.Render(new JUnitReporter(), Samples.Result()));

        var failure = document.Descendants("failure").First();
        Assert.Equal("wall_time regressed +30.0 % (geometric mean of 10 runs: 2 s → 2.6 s, 90 % CI [+25.0 %, +35.0 %], adjusted p 0.0001, threshold 5 %)", (string?)failure.Attribute("message"));
        Assert.Contains("at: rustscope.yml:12:7", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void One_suite_per_target_each_with_its_own_id()
    {
        var two = Samples.Result() with { Targets = [.. Samples.Result().Targets, Samples.Result().Targets[0] with { Name = string.Empty }] };

        var document = Validated(ReporterApprovalTests.Render(new JUnitReporter(), two));

        Assert.Equal(["0", "1", "2"], document.Root!.Elements("testsuite").Select(s => (string)s.Attribute("id")!));
        Assert.Equal(["checkout", "search", "rustscope"], document.Root.Elements("testsuite").Select(s => (string)s.Attribute("name")!));
        Assert.Equal(24, (int)document.Root.Attribute("tests")!);
    }

    private static XDocument Validated(string xml)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Schemas", "jenkins-junit.xsd"));
        var problems = new List<string>();
        var document = XDocument.Parse(xml);
        document.Validate(schemas, (_, e) => problems.Add(e.Message));
        Assert.Empty(problems);
        return document;
    }
}
