using System.Globalization;
using RustScope.Core.Diagnostics;
using RustScope.Core.IO;
using RustScope.Core.Metrics;
using RustScope.Core.Statistics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RustScope.Core.Budgets;

/// <summary>
/// Reads <c>rustscope.yml</c> through YamlDotNet's representation model, so every value keeps its line and column.
/// Problems are collected, not thrown one by one: the user sees every error of the file at once.
/// </summary>
internal sealed class BudgetFileParser
{
    private static readonly string[] TopKeys = ["version", "defaults", "targets"];
    private static readonly string[] DefaultsKeys = ["alpha", "threshold", "runs", "correction", "calibration"];
    private static readonly string[] TargetKeys = ["name", "command", "runs", "alpha", "threshold", "calibration", "budgets"];
    private static readonly string[] BudgetsKeys = ["process", "functions", "benchmarks"];
    private static readonly string[] ThresholdKeys = ["relative", "absolute"];
    private static readonly string[] MetricKeys = ["budget", "regression"];
    private static readonly string[] RuleSetExtraKeys = ["regression", "direction"];

    private readonly string _path;
    private readonly List<Diagnostic> _problems = [];

    // The deepest a valid file goes is 6 (targets, a target, budgets, functions, a rule, its regression); the bound
    // leaves room for anchors and merged defaults while keeping the recursive node builder far from the stack's end.
    private const int MaxNesting = 64;

    private BudgetFileParser(string path) => _path = path;

    public static BudgetFile Load(string path)
    {
        var bytes = InputFile.ReadAllBytes(path, InputFile.BudgetLimit, DiagnosticCodes.BudgetUnreadable, "the budget file");
        using var text = new StreamReader(new MemoryStream(bytes, writable: false), detectEncodingFromByteOrderMarks: true);
        return Parse(text.ReadToEnd(), path);
    }

    public static BudgetFile Parse(string yaml, string path)
    {
        var parser = new BudgetFileParser(path);
        var file = parser.ReadFile(yaml);
        // In file order, whichever section found them: a reader fixes a file top to bottom.
        return parser._problems.Count == 0 && file is not null
            ? file
            : throw new InputException([.. parser._problems.OrderBy(p => p.Line ?? 0).ThenBy(p => p.Column ?? 0)]);
    }

    private BudgetFile? ReadFile(string yaml)
    {
        var stream = new YamlStream();
        var nesting = new NestingLimitFilter(new Parser(new StringReader(yaml)), MaxNesting);
        var events = new DuplicateKeyFilter(nesting);
        try
        {
            stream.Load(events);
        }
        catch (YamlException e)
        {
            Report(e.Start, DiagnosticCodes.BudgetSyntax, $"not valid YAML: {e.InnerException?.Message ?? e.Message}");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet answers some malformed files with these instead of a YamlException (found by benchmarks/Fuzz:
            // a plain scalar the scanner cannot end, a tag that is not a URI, an event a node cannot start with). They
            // are syntax errors all the same, placed where the parser got to.
            Report(nesting.Reached, DiagnosticCodes.BudgetSyntax, $"not valid YAML: {e.Message}");
            return null;
        }
        finally
        {
            foreach (var (key, at, first) in events.Duplicates)
            {
                Report(at, DiagnosticCodes.BudgetDuplicate, string.Create(CultureInfo.InvariantCulture, $"'{key}' appears twice in the same mapping (first at line {first.Line}, column {first.Column}); only the first is read"));
            }
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            _problems.Add(new Diagnostic(_path, 1, 1, DiagnosticCodes.BudgetWrongType, "a budget file is a mapping with 'version: 1' and 'targets'"));
            return null;
        }

        var keys = Keys(root, TopKeys, "the budget file");
        if (!keys.TryGetValue("version", out var version))
        {
            Report(root.Start, DiagnosticCodes.BudgetMissingKey, "'version: 1' is required");
        }
        else if (Number(version, "version") is { } number && number != BudgetFile.CurrentVersion)
        {
            Report(version.Start, DiagnosticCodes.BudgetVersion, $"budget file version {number} is not supported; this RustScope reads version {BudgetFile.CurrentVersion}");
        }

        var defaults = keys.TryGetValue("defaults", out var defaultsNode) ? ReadDefaults(defaultsNode) : new BudgetDefaults();
        var targets = keys.TryGetValue("targets", out var targetsNode) ? ReadTargets(targetsNode) : [];
        return new BudgetFile { Path = _path, Defaults = defaults, Targets = targets };
    }

    private BudgetDefaults ReadDefaults(YamlNode node)
    {
        var keys = Keys(node, DefaultsKeys, "defaults");
        return new BudgetDefaults
        {
            Alpha = keys.TryGetValue("alpha", out var alpha) ? Alpha(alpha) ?? 0.01 : 0.01,
            Threshold = keys.TryGetValue("threshold", out var threshold) ? Threshold(threshold) : null,
            Runs = keys.TryGetValue("runs", out var runs) ? Runs(runs) ?? 5 : 5,
            Correction = keys.TryGetValue("correction", out var correction) ? Correction(correction) : null,
            Calibration = keys.TryGetValue("calibration", out var calibration) ? CalibrationPath(calibration) : null,
        };
    }

    // Relative to the budget file, like the file that names it: the same calibration whatever directory runs the gate.
    private string? CalibrationPath(YamlNode node)
    {
        var path = Scalar(node, "calibration");
        if (path is { Length: 0 })
        {
            Report(node.Start, DiagnosticCodes.BudgetBadValue, "'calibration' is the path of a calibration file, e.g. perf/calibration.json");
            return null;
        }

        return path is null ? null : Path.Combine(Path.GetDirectoryName(_path) ?? string.Empty, path);
    }

    private MultipleComparisonCorrection? Correction(YamlNode node)
    {
        if (Scalar(node, "correction") is not { } name)
        {
            return null;
        }

        if (CorrectionNames.TryParse(name, out var correction))
        {
            return correction;
        }

        Report(node.Start, DiagnosticCodes.BudgetBadValue, $"correction '{name}' is neither '{CorrectionNames.Holm}' nor '{CorrectionNames.BenjaminiHochberg}'{Suggestions.DidYouMean(name, CorrectionNames.All)}");
        return null;
    }

    private List<TargetBudget> ReadTargets(YamlNode node)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Report(node.Start, DiagnosticCodes.BudgetWrongType, "'targets' is a list of targets ('- name: …')");
            return [];
        }

        var targets = new List<TargetBudget>();
        foreach (var item in sequence.Children)
        {
            if (ReadTarget(item) is not { } target)
            {
                continue;
            }

            if (targets.Any(t => t.Name == target.Name))
            {
                Report(item.Start, DiagnosticCodes.BudgetDuplicate, $"target '{target.Name}' is defined twice");
                continue;
            }

            targets.Add(target);
        }

        return targets;
    }

    private TargetBudget? ReadTarget(YamlNode node)
    {
        var keys = Keys(node, TargetKeys, "a target");
        if (node is not YamlMappingNode)
        {
            return null;
        }

        var name = keys.TryGetValue("name", out var nameNode) ? Scalar(nameNode, "name") : null;
        if (name is not { Length: > 0 })
        {
            Report(node.Start, DiagnosticCodes.BudgetMissingKey, "every target needs a 'name'");
        }

        // Read the rest even without a name, so the problems inside the target are reported too.
        var budgets = keys.TryGetValue("budgets", out var budgetsNode) ? Keys(budgetsNode, BudgetsKeys, "budgets") : [];
        var target = new TargetBudget
        {
            Name = name ?? string.Empty,
            Command = keys.TryGetValue("command", out var command) ? Command(command) : [],
            Runs = keys.TryGetValue("runs", out var runs) ? Runs(runs) : null,
            Alpha = keys.TryGetValue("alpha", out var alpha) ? Alpha(alpha) : null,
            Threshold = keys.TryGetValue("threshold", out var threshold) ? Threshold(threshold) : null,
            Calibration = keys.TryGetValue("calibration", out var calibration) ? CalibrationPath(calibration) : null,
            Process = budgets.TryGetValue("process", out var process) ? ReadRuleSet(process, MetricCatalog.Process, "process") : RuleSet.Empty,
            Functions = budgets.TryGetValue("functions", out var functions) ? ReadPatterns(functions, MetricCatalog.Functions, "functions") : [],
            Benchmarks = budgets.TryGetValue("benchmarks", out var benchmarks) ? ReadPatterns(benchmarks, MetricCatalog.Benchmarks, "benchmarks") : [],
            Location = Locate(node.Start),
        };
        return name is { Length: > 0 } ? target : null;
    }

    private List<PatternRuleSet> ReadPatterns(YamlNode node, IReadOnlyDictionary<string, MetricDefinition> metrics, string section)
    {
        if (node is not YamlMappingNode mapping)
        {
            Report(node.Start, DiagnosticCodes.BudgetWrongType, $"'{section}' maps name patterns to budgets, e.g. \"Shop.Checkout.*\": {{ p95: 2ms }}");
            return [];
        }

        var patterns = new List<PatternRuleSet>();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } pattern })
            {
                Report(key.Start, DiagnosticCodes.BudgetWrongType, $"a name pattern in '{section}' is a single string such as \"Shop.Checkout.*\", not a {(key is YamlSequenceNode ? "list" : "mapping")}");
                continue;
            }

            patterns.Add(new PatternRuleSet(new GlobPattern(pattern), ReadRuleSet(value, metrics, $"{section} '{pattern}'")));
        }

        return patterns;
    }

    private RuleSet ReadRuleSet(YamlNode node, IReadOnlyDictionary<string, MetricDefinition> metrics, string section)
    {
        var keys = Keys(node, [.. metrics.Keys, .. RuleSetExtraKeys], section);
        var rules = new Dictionary<string, MetricRule>(StringComparer.Ordinal);
        foreach (var (key, value) in keys)
        {
            if (metrics.TryGetValue(key, out var metric))
            {
                rules[key] = ReadMetric(key, metric.Kind, value);
            }
        }

        return new RuleSet
        {
            Metrics = rules,
            Regression = keys.TryGetValue("regression", out var regression) ? Threshold(regression) : null,
            Direction = keys.TryGetValue("direction", out var direction) ? Direction(direction) : null,
            Location = Locate(node.Start),
        };
    }

    private MetricDirection? Direction(YamlNode node)
    {
        switch (Scalar(node, "direction"))
        {
            case "lower":
                return MetricDirection.LowerIsBetter;
            case "higher":
                return MetricDirection.HigherIsBetter;
            case { } other:
                Report(node.Start, DiagnosticCodes.BudgetBadValue, $"direction '{other}' is neither 'lower' nor 'higher' (which values are better)");
                return null;
            default:
                return null;
        }
    }

    private MetricRule ReadMetric(string metric, QuantityKind kind, YamlNode node)
    {
        if (node is YamlMappingNode)
        {
            var keys = Keys(node, MetricKeys, metric);
            return new MetricRule(
                metric,
                keys.TryGetValue("budget", out var budget) ? Budget(budget, metric, kind) : null,
                keys.TryGetValue("regression", out var regression) ? Threshold(regression) : null,
                Locate(node.Start));
        }

        return new MetricRule(metric, Budget(node, metric, kind), null, Locate(node.Start));
    }

    private double? Budget(YamlNode node, string metric, QuantityKind kind)
    {
        if (QuantityOf(node, metric) is not { } quantity)
        {
            return null;
        }

        if (quantity.Kind != kind)
        {
            Report(node.Start, DiagnosticCodes.BudgetUnitMismatch, $"'{metric}' takes a {Describe(kind)}, not a {Describe(quantity.Kind)}");
            return null;
        }

        if (quantity.Value < 0)
        {
            Report(node.Start, DiagnosticCodes.BudgetBadValue, $"'{metric}' cannot be negative");
            return null;
        }

        return quantity.Value;
    }

    private ThresholdRule? Threshold(YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return QuantityOf(node, "threshold") switch
            {
                { Kind: QuantityKind.Number } => RefuseUnitless(node),
                { Value: < 0 } => RefuseNegative(node),
                { Kind: QuantityKind.Percent } relative => new ThresholdRule(relative.Value / 100, null, Locate(node.Start)),
                { } plain => new ThresholdRule(null, plain, Locate(node.Start)),
                null => null,
            };
        }

        var keys = Keys(node, ThresholdKeys, "regression");
        double? relativeFraction = null;
        if (keys.TryGetValue("relative", out var relativeNode) && QuantityOf(relativeNode, "relative") is { } relativeValue)
        {
            if (relativeValue.Kind == QuantityKind.Percent && relativeValue.Value >= 0)
            {
                relativeFraction = relativeValue.Value / 100;
            }
            else
            {
                Report(relativeNode.Start, DiagnosticCodes.BudgetUnitMismatch, "'relative' is a non-negative percentage, e.g. 5%");
            }
        }

        var absolute = keys.TryGetValue("absolute", out var absoluteNode) ? QuantityOf(absoluteNode, "absolute") : null;
        if (absolute is { Value: < 0 })
        {
            Report(absoluteNode!.Start, DiagnosticCodes.BudgetBadValue, "'absolute' cannot be negative");
            absolute = null;
        }

        return relativeFraction is null && absolute is null ? null : new ThresholdRule(relativeFraction, absolute, Locate(node.Start));
    }

    private ThresholdRule? RefuseNegative(YamlNode node)
    {
        Report(node.Start, DiagnosticCodes.BudgetBadValue, "a threshold cannot be negative: it is how large a change must be to count, in either direction");
        return null;
    }

    private ThresholdRule? RefuseUnitless(YamlNode node)
    {
        Report(node.Start, DiagnosticCodes.BudgetUnitMismatch, "a threshold is a percentage (5%) or a duration or size (200us, 1KB), not a plain number");
        return null;
    }

    private List<string> Command(YamlNode node)
    {
        if (node is YamlSequenceNode sequence && sequence.Children.All(c => c is YamlScalarNode))
        {
            return [.. sequence.Children.Select(c => ((YamlScalarNode)c).Value ?? string.Empty)];
        }

        Report(node.Start, DiagnosticCodes.BudgetWrongType, "'command' is a list of arguments, e.g. [dotnet, bin/Release/net10.0/App.dll, --bench]; it is never run by a shell");
        return [];
    }

    private double? Alpha(YamlNode node) => Number(node, "alpha") switch
    {
        { } alpha and > 0 and < 0.5 => alpha,
        null => null,
        _ => ReportNull(node, DiagnosticCodes.BudgetBadValue, "'alpha' must be between 0 and 0.5, e.g. 0.01"),
    };

    private int? Runs(YamlNode node) => Number(node, "runs") switch
    {
        { } runs when runs >= 1 && runs == Math.Floor(runs) && runs <= 10_000 => (int)runs,
        null => null,
        _ => (int?)ReportNull(node, DiagnosticCodes.BudgetBadValue, "'runs' must be a whole number from 1 to 10000"),
    };

    private double? Number(YamlNode node, string key) => QuantityOf(node, key) switch
    {
        { Kind: QuantityKind.Number } quantity => quantity.Value,
        null => null,
        _ => ReportNull(node, DiagnosticCodes.BudgetBadValue, $"'{key}' is a plain number, without a unit"),
    };

    private Quantity? QuantityOf(YamlNode node, string key)
    {
        if (Scalar(node, key) is not { } text)
        {
            return null;
        }

        if (Quantity.TryParse(text, out var quantity))
        {
            return quantity;
        }

        Report(node.Start, DiagnosticCodes.BudgetBadValue, $"'{text}' is not a number with a known unit for '{key}' (units: {Quantity.KnownUnits})");
        return null;
    }

    private string? Scalar(YamlNode node, string key)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        Report(node.Start, DiagnosticCodes.BudgetWrongType, $"'{key}' takes a single value here, not a {(node is YamlSequenceNode ? "list" : "mapping")}");
        return null;
    }

    /// <summary>The keys of a mapping; reports unknown keys (with a suggestion) and non-mappings.</summary>
    private Dictionary<string, YamlNode> Keys(YamlNode node, IReadOnlyCollection<string> allowed, string what)
    {
        var keys = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping)
        {
            Report(node.Start, DiagnosticCodes.BudgetWrongType, $"{what} is a mapping of keys ({string.Join(", ", allowed)})");
            return keys;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!allowed.Contains(key))
            {
                Report(keyNode.Start, DiagnosticCodes.BudgetUnknownKey, $"unknown key '{key}' in {what}{Suggestions.DidYouMean(key, allowed)}");
                continue;
            }

            // Repeated keys never get here: DuplicateKeyFilter reports and drops them while the file is read.
            keys[key] = value;
        }

        return keys;
    }

    private static string Describe(QuantityKind kind) => kind switch
    {
        QuantityKind.Time => "duration (ns, us, ms, s, m)",
        QuantityKind.Bytes => "size (B, KB, MB, GB, KiB, MiB, GiB)",
        QuantityKind.Percent => "percentage",
        _ => "plain number",
    };

    private double? ReportNull(YamlNode node, string code, string message)
    {
        Report(node.Start, code, message);
        return null;
    }

    private void Report(Mark mark, string code, string message) =>
        _problems.Add(new Diagnostic(_path, (int)mark.Line, (int)mark.Column, code, message));

    private SourceLocation Locate(Mark mark) => new(_path, (int)mark.Line, (int)mark.Column);
}
