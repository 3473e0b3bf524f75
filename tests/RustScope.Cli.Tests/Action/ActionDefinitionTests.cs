using System.Text.RegularExpressions;
using RustScope.Cli.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace RustScope.Cli.Tests.Action;

/// <summary>action.yml and the example workflow: valid YAML, every input used is declared, no input reaches a shell as code.</summary>
public sealed partial class ActionDefinitionTests
{
    private static readonly string ActionPath = Path.Combine(Repository.Root, "action.yml");

    [Fact]
    public void The_action_is_a_composite_with_the_documented_inputs()
    {
        var action = Load(ActionPath);

        Assert.Equal("composite", Scalar(action, "runs", "using"));
        var inputs = Mapping(action, "inputs").Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();
        Assert.Superset(new HashSet<string> { "budget", "targets", "command", "base-command", "baseline", "baseline-dir", "runs", "comment", "token", "version", "source" }, inputs);
        Assert.All(Mapping(action, "inputs").Children.Values.Cast<YamlMappingNode>(), input => Assert.NotEmpty(Scalar(input, "description")!));
    }

    [Fact]
    public void The_gate_steps_outputs_are_the_actions_including_the_html_report()
    {
        var outputs = Mapping(Load(ActionPath), "outputs").Children;

        foreach (var name in new[] { "exit-code", "markdown", "junit", "html" })
        {
            var output = (YamlMappingNode)outputs[new YamlScalarNode(name)];
            Assert.Equal($"${{{{ steps.gate.outputs.{name} }}}}", Scalar(output, "value"));
            Assert.NotEmpty(Scalar(output, "description")!);
        }
    }

    [Fact]
    public void Every_input_the_action_uses_is_declared()
    {
        var text = File.ReadAllText(ActionPath);
        var declared = Mapping(Load(ActionPath), "inputs").Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();

        var used = InputReference().Matches(text).Select(m => m.Groups["name"].Value).ToHashSet();

        Assert.NotEmpty(used);
        Assert.Subset(declared, used);
    }

    [Fact]
    public void Inputs_reach_the_scripts_through_the_environment_never_as_code()
    {
        var steps = (YamlSequenceNode)Mapping(Load(ActionPath), "runs").Children[new YamlScalarNode("steps")];

        foreach (var step in steps.Children.Cast<YamlMappingNode>())
        {
            if (Scalar(step, "run") is { } script)
            {
                Assert.DoesNotContain("${{", script, StringComparison.Ordinal);
                Assert.Equal("bash", Scalar(step, "shell"));
            }
        }

        Assert.True(File.Exists(Path.Combine(Repository.Root, "eng", "action", "gate.sh")));
    }

    [Fact]
    public void The_example_workflow_uses_the_action_on_pull_requests()
    {
        var workflow = Load(Path.Combine(Repository.Root, "examples", "github", "rustscope.yml"));

        Assert.Contains(new YamlScalarNode("pull_request"), Mapping(workflow, "on").Children.Keys);
        var steps = (YamlSequenceNode)((YamlMappingNode)Mapping(workflow, "jobs").Children.Values.Single()).Children[new YamlScalarNode("steps")];
        var gate = steps.Children.Cast<YamlMappingNode>().Single(s => Scalar(s, "uses")?.Contains("rustscope", StringComparison.Ordinal) == true);
        var declared = Mapping(Load(ActionPath), "inputs").Children.Keys.ToHashSet();
        Assert.Subset(declared, ((YamlMappingNode)gate.Children[new YamlScalarNode("with")]).Children.Keys.ToHashSet());
    }

    private static YamlMappingNode Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string? Scalar(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            current = child;
        }

        return (current as YamlScalarNode)?.Value;
    }

    [GeneratedRegex(@"\binputs\.(?<name>[A-Za-z0-9_-]+)")]
    private static partial Regex InputReference();
}
