using System.Globalization;
using System.Text;
using System.Xml;
using RustScope.Core.Comparison;
using RustScope.Core.Metrics;
using RustScope.Core.Statistics;
using RustScope.Reporters.Escaping;
using RustScope.Reporters.Formatting;

namespace RustScope.Reporters.JUnit;

/// <summary>
/// JUnit XML (the Jenkins/Ant schema that GitLab, Azure DevOps and GitHub test reporters read): one test suite per
/// target, one test case per metric, a failure for a regression, an exceeded budget or invalid data, skipped for Inconclusive
/// unless Inconclusive fails the gate.
/// </summary>
/// <param name="failOn">Which verdicts are failures.</param>
/// <param name="timestamp">When the suites ran (the schema requires it); now when null.</param>
/// <param name="hostname">Where the suites ran (the schema requires it); this machine when null.</param>
public sealed class JUnitReporter(FailOn failOn = FailOn.Regressed, DateTimeOffset? timestamp = null, string? hostname = null) : ComparisonReporter(ReportFormat.JUnit)
{
    // Every text is made legal first (XmlCharacters), so the writer's own per-character check would only repeat it.
    private static readonly XmlWriterSettings Settings = new() { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n", CheckCharacters = false };

    /// <inheritdoc/>
    public override void Write(ComparisonResult result, TextWriter output)
    {
        using var xml = XmlWriter.Create(output, Settings);
        Write(result, xml);
    }

    /// <inheritdoc/>
    protected override void Write(ComparisonResult result, Stream output)
    {
        using var xml = XmlWriter.Create(output, Settings);
        Write(result, xml);
    }

    private void Write(ComparisonResult result, XmlWriter xml)
    {
        ArgumentNullException.ThrowIfNull(result);
        result = CappedResult.Of(result);
        // The Ant schema's timestamp is ISO 8601 without a zone; UTC by convention.
        var started = (timestamp ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        var host = XmlCharacters.Legal(hostname ?? Environment.MachineName);
        // Each suite's counts once: the root's are their sums.
        var counts = result.Targets.Select(t => Count(t.Metrics)).ToList();
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "rustscope");
        Counts(xml, (counts.Sum(static c => c.Tests), counts.Sum(static c => c.Failures), null));
        for (var id = 0; id < result.Targets.Count; id++)
        {
            var target = result.Targets[id];
            xml.WriteStartElement("testsuite");
            // The schema wants a non-empty suite name; a session without a project name still gets one.
            xml.WriteAttributeString("name", target.Name.Length == 0 ? "rustscope" : XmlCharacters.Legal(target.Name));
            xml.WriteAttributeString("package", XmlCharacters.Legal($"rustscope.{target.Name}"));
            xml.WriteAttributeString("id", id.ToString(CultureInfo.InvariantCulture));
            Counts(xml, counts[id]);
            xml.WriteAttributeString("hostname", host);
            xml.WriteAttributeString("timestamp", started);
            xml.WriteStartElement("properties");
            Property(xml, "baseline", result.Baseline ?? "(budgets only)");
            Property(xml, "head", result.Head);
            Property(xml, "alpha", result.Alpha.ToString(CultureInfo.InvariantCulture));
            Property(xml, "correction", result.Correction);
            xml.WriteEndElement();
            // A suite's test cases share a handful of class names, one per kind of metric.
            var classNames = new string?[Enum.GetValues<MetricKind>().Length];
            foreach (var metric in target.Metrics)
            {
                var className = classNames[(int)metric.Kind] ??= XmlCharacters.Legal($"rustscope.{target.Name}.{metric.Kind.ToString().ToLowerInvariant()}");
                TestCase(xml, className, metric);
            }

            xml.WriteStartElement("system-out");
            xml.WriteString(XmlCharacters.Legal(string.Join("\n", result.Warnings)));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private void TestCase(XmlWriter xml, string className, MetricComparison metric)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", className);
        xml.WriteAttributeString("name", XmlCharacters.Legal(MetricText.Subject(metric)));
        xml.WriteAttributeString("time", "0");
        if (Fails(metric))
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", XmlCharacters.Legal(MetricText.Sentence(metric)));
            xml.WriteAttributeString("type", MetricText.Verdict(metric.Verdict));
            xml.WriteString(XmlCharacters.Legal(Details(metric)));
            xml.WriteEndElement();
        }
        else
        {
            if (IsSkipped(metric.Verdict))
            {
                // Jenkins' schema gives <skipped> text but no attributes; its reader takes the text as the message.
                xml.WriteElementString("skipped", XmlCharacters.Legal(MetricText.Sentence(metric)));
            }

            // Passing metrics carry their figures too, so every report shows the same numbers for every metric.
            xml.WriteElementString("system-out", XmlCharacters.Legal(Details(metric)));
        }

        xml.WriteEndElement();
    }

    private bool Fails(MetricComparison metric) => failOn.Fails(metric.Verdict);

    // Metrics the comparison could not judge on the code: undecided, absent, or moved by the machine rather than the code.
    private static bool IsSkipped(Verdict verdict) => verdict is Verdict.Inconclusive or Verdict.Missing or Verdict.EnvironmentChanged;

    private (int Tests, int Failures, int? Skipped) Count(IReadOnlyList<MetricComparison> metrics)
    {
        var (failures, skips) = (0, 0);
        foreach (var metric in metrics)
        {
            if (Fails(metric))
            {
                failures++;
            }
            else if (IsSkipped(metric.Verdict))
            {
                skips++;
            }
        }

        return (metrics.Count, failures, skips);
    }

    // <testsuites> has no skipped count in Jenkins' schema; each <testsuite> has one.
    private static void Counts(XmlWriter xml, (int Tests, int Failures, int? Skipped) counts)
    {
        xml.WriteAttributeString("tests", counts.Tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", counts.Failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        if (counts.Skipped is { } skipped)
        {
            xml.WriteAttributeString("skipped", skipped.ToString(CultureInfo.InvariantCulture));
        }

        xml.WriteAttributeString("time", "0");
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", XmlCharacters.Legal(value));
        xml.WriteEndElement();
    }

    // One string of a few lines per metric, built once: 90 000 test cases carry it.
    private static string Details(MetricComparison metric)
    {
        var level = metric.ConfidenceLevel is { } confidence ? $"{NumberText.Percent(confidence)} " : string.Empty;
        var details =
            $"verdict: {MetricText.Verdict(metric.Verdict)}{(metric.Reason is null ? string.Empty : ": ")}{metric.Reason}\n" +
            $"statistic: {StatisticText.Of(metric)}, samples: {metric.Samples ?? "–"}, test: {metric.Test ?? "–"}\n" +
            $"baseline: {NumberText.Value(metric.BaselineValue, metric.Unit)}, head: {NumberText.Value(metric.HeadValue, metric.Unit)}, change: {NumberText.Change(metric.Change)}, {level}CI: {NumberText.Interval(metric)}\n" +
            $"p: {NumberText.PValue(metric.PValue)}, adjusted p: {NumberText.PValue(metric.AdjustedPValue)}, equivalence p: {NumberText.PValue(metric.EquivalencePValue)}\n" +
            $"budget: {NumberText.Value(metric.Budget, metric.Unit)}, threshold: {NumberText.Threshold(metric.Threshold, metric.Unit)}";
        return metric.BudgetLocation is { } location ? $"{details}\nat: {location}" : details;
    }
}
