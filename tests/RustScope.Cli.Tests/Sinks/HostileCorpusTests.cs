using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Schema;
using RustScope.Cli.Live;
using RustScope.Cli.Tests.Infrastructure;
using RustScope.Core.Model;

namespace RustScope.Cli.Tests.Sinks;

/// <summary>
/// One hostile corpus (<see cref="HostileCorpus"/>) through every sink: the console table, the notes and warnings,
/// <c>show</c>, the progress lines, diagnostics on stderr, GitHub annotations and the job summary, Markdown, JUnit
/// (XSD-valid), HTML and JSON. Each stays inert: nothing reaches a terminal or CI log that acts on it, no forged
/// annotation, no live markup, and no sink's output follows the length of a 2 MB name except JSON, which keeps it whole.
/// </summary>
public sealed class HostileCorpusTests : IDisposable
{
    private static readonly string Export = Path.Combine(Repository.Root, "tests", "RustScope.Core.Tests", "Formats", "TestData", "dry-report-full.json");
    private static readonly string JUnitSchema = Path.Combine(Repository.Root, "tests", "RustScope.Reporters.Tests", "Schemas", "jenkins-junit.xsd");
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Compare_keeps_every_report_inert_and_bounded()
    {
        WriteExport("base-report-full.json", slower: 1);
        WriteExport("head-report-full.json", slower: 3);
        // Explicit keys ("? key"): YAML bounds implicit ones to 1024 characters.
        await File.WriteAllTextAsync(_directory.File("rustscope.yml"),
            "version: 1\ntargets:\n  - name: Shop\n    budgets:\n      benchmarks:\n" +
            string.Concat(HostileCorpus.Names.Select(n => $"        ? {HostileCorpus.YamlQuoted(n)}\n        : {{ median: 1ns }}\n")));
        var environment = new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = _directory.File("summary.md") };

        var (exitCode, stdout, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, environment,
            "compare", "base-report-full.json", "head-report-full.json", "--budget", "rustscope.yml", "--github",
            "--markdown", "r.md", "--junit", "r.xml", "--json", "r.json", "--html", "r.html");

        Assert.True(exitCode == 1, stderr);
        InertText.AssertTerminalSafe(stdout, "console and --github");
        InertText.AssertTerminalSafe(stderr, "stderr");
        Assert.Contains("::error file=rustscope.yml,line=", stdout, StringComparison.Ordinal);
        Assert.True(stdout.Length < 200_000, $"{stdout.Length} characters of console output");

        foreach (var markdown in (string[])["r.md", "summary.md"])
        {
            AssertInertMarkdown(await File.ReadAllTextAsync(_directory.File(markdown)), markdown);
        }

        AssertValidJUnit(_directory.File("r.xml"));
        AssertInertHtml(await File.ReadAllTextAsync(_directory.File("r.html")));

        // The JSON report is data: every name whole, control characters escaped by the JSON writer.
        var json = await File.ReadAllTextAsync(_directory.File("r.json"));
        Assert.DoesNotContain(json, c => char.IsControl(c) && c != '\n');
        var subjects = JsonNode.Parse(json)!["targets"]!.AsArray().SelectMany(t => t!["metrics"]!.AsArray()).Select(m => (string?)m!["subject"]).ToList();
        Assert.Contains(subjects, s => s?.Length == HostileCorpus.Names[^1].Length);
    }

    [Fact]
    public async Task Show_prints_the_session_inert_and_bounded()
    {
        var names = HostileCorpus.Names;
        SessionJson.Write(new ProfileSession
        {
            SchemaVersion = SessionJson.CurrentSchemaVersion,
            Meta = new SessionMeta { Project = names[3], StartTs = 0, TargetBinary = names[1], Args = [.. names], ExitCode = 0 },
            Summary = new SessionSummary
            {
                DurationS = 1, CpuPctMean = 50, CpuPctMax = 90, PeakRssMb = 10, PeakThreads = 1, PeakFds = 3, EventCount = names.Count,
                Processes = [.. names.Select((n, i) => new ProcessSummary { Pid = 100 + i, Ppid = 1, Name = n, CpuPctMax = 1, PeakRssMb = 1, PeakThreads = 1, PeakFds = 1 })],
            },
            Functions = [.. names.Select((n, i) => new FunctionProfile { Name = n, Module = n, Calls = i + 1, SelfPct = 50 - i, TotalPct = 50 - i, WaitPct = i })],
            MemoryEvents = [.. names.Select((n, i) => new MemoryEvent { Ts = i, Type = n, Location = n, DeltaMb = 1 })],
            Warnings = [.. names],
        }, _directory.File("hostile.json"));

        var (exitCode, stdout, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "show", "hostile.json", "--top", "20");

        Assert.True(exitCode == 0, stderr);
        InertText.AssertTerminalSafe(stdout, "show");
        InertText.AssertTerminalSafe(stderr, "show's stderr");
        Assert.Contains("Bel.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_lines_print_event_locations_inert()
    {
        using var output = new StringWriter();
        var lines = new ProgressLines(output);
        foreach (var name in HostileCorpus.Names)
        {
            lines.OnEvent(new MemoryEvent { Ts = 0, Type = "spike", Location = name, DeltaMb = 1 });
        }

        InertText.AssertTerminalSafe(output.ToString(), "progress lines");
        Assert.Equal(HostileCorpus.Names.Count, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Diagnostics_that_quote_keys_targets_values_and_benchmarks_stay_inert_on_stderr()
    {
        WriteExport("ok-report-full.json", slower: 1);
        for (var i = 0; i < HostileCorpus.Names.Count; i++)
        {
            var name = HostileCorpus.Names[i];
            var quoted = HostileCorpus.YamlQuoted(name);
            await File.WriteAllTextAsync(_directory.File("key.yml"), $"version: 1\ntargets:\n  - name: Shop\n    budgets:\n      process: {{ {quoted}: 1s }}\n");
            await File.WriteAllTextAsync(_directory.File("value.yml"), $"version: 1\ntargets:\n  - name: Shop\n    budgets:\n      process: {{ wall_time: {quoted} }}\n");
            await File.WriteAllTextAsync(_directory.File("target.yml"), $"version: 1\ntargets:\n  - name: {quoted}\n  - name: Other\n");
            WriteExport("failed-report-full.json", slower: 1, failed: name);

            (string Sink, string[] Arguments)[] runs =
            [
                ("a budget key", ["check", "ok-report-full.json", "--budget", "key.yml", "--github"]),
                ("a budget value", ["check", "ok-report-full.json", "--budget", "value.yml", "--github"]),
                ("a target name", ["check", "ok-report-full.json", "--budget", "target.yml", "--github"]),
                ("an unknown target", ["check", "ok-report-full.json", "--budget", "key.yml", "--target", name, "--github"]),
                ("a failed benchmark", ["compare", "failed-report-full.json", "failed-report-full.json", "--github"]),
            ];
            foreach (var (sink, arguments) in runs)
            {
                var (exitCode, stdout, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, arguments);

                Assert.True(exitCode is >= 0 and <= 2 && !stderr.Contains("unexpected error", StringComparison.Ordinal), $"corpus #{i} as {sink}: exit {exitCode}\n{stderr}");
                InertText.AssertTerminalSafe(stderr, $"corpus #{i} as {sink} (stderr)");
                InertText.AssertTerminalSafe(stdout, $"corpus #{i} as {sink} (stdout)");
            }
        }
    }

    private void WriteExport(string file, double slower, string? failed = null)
    {
        var export = JsonNode.Parse(File.ReadAllText(Export))!;
        export["Title"] = "Shop-20261123-065212";
        var template = export["Benchmarks"]![0]!;
        var benchmarks = new JsonArray();
        foreach (var name in HostileCorpus.Names)
        {
            var benchmark = template.DeepClone();
            benchmark["FullName"] = name;
            foreach (var measurement in benchmark["Measurements"]!.AsArray())
            {
                measurement!["Nanoseconds"] = measurement["Nanoseconds"]!.GetValue<double>() * slower;
            }

            benchmarks.Add(benchmark);
        }

        if (failed is not null)
        {
            benchmarks.Add(new JsonObject { ["FullName"] = failed, ["Statistics"] = null, ["Measurements"] = new JsonArray() });
        }

        export["Benchmarks"] = benchmarks;
        File.WriteAllText(_directory.File(file), export.ToJsonString());
    }

    private static void AssertInertMarkdown(string markdown, string sink)
    {
        Assert.True(markdown.Length <= 65_536, $"{sink}: {markdown.Length} characters");
        Assert.DoesNotContain(markdown, c => char.IsControl(c) && c != '\n');
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("[x](https://evil.example)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("@user", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("`code`", markdown, StringComparison.Ordinal);
        Assert.Contains("Markup.&lt;script&gt;", markdown, StringComparison.Ordinal);
        Assert.Contains("Huge.NNN", markdown, StringComparison.Ordinal);
    }

    private static void AssertValidJUnit(string path)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, JUnitSchema);
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        var errors = new List<string>();
        settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        var names = new List<string>();
        using (var reader = XmlReader.Create(path, settings))
        {
            while (reader.Read())
            {
                if (reader is { NodeType: XmlNodeType.Element, Name: "testcase" })
                {
                    names.Add(reader.GetAttribute("name")!);
                }
            }
        }

        Assert.Empty(errors);
        Assert.Contains(names, n => n.StartsWith("Huge.N", StringComparison.Ordinal));
        Assert.All(names, n => Assert.True(n.Length <= 300, $"a test case name of {n.Length} characters"));
    }

    private static void AssertInertHtml(string html)
    {
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain(html, c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
    }
}
