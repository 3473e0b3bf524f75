using System.CommandLine;
using RustScope.Cli.Gate;
using RustScope.Cli.Git;
using RustScope.Cli.Series;
using RustScope.Collectors;
using RustScope.Collectors.Process;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Cli.Commands;

/// <summary>
/// <c>rustscope ab --base-cmd "…" --head-cmd "…" --runs N</c>: runs two commands interleaved on this machine, writes
/// one session for each, and judges head against base like <c>rustscope compare</c> (same options, same exit codes) —
/// the cure for "the baseline came from another runner". Each side is one string split like a shell would, or an
/// argument list (<c>--base-arg dotnet --base-arg=--bench …</c>), never run by a shell. With
/// <c>--git-base REF --build "…" --cmd "…"</c> the base is the merge-base of HEAD and REF, checked out into a temporary
/// git worktree and built there, and the same command runs in both trees.
/// </summary>
internal static class AbCommand
{
    public static Command Create(CliConsole console)
    {
        var baseCommand = new Option<string?>("--base-cmd") { Description = "The baseline command, one string split like a shell would (quotes, backslashes) but never run by one." };
        var headCommand = new Option<string?>("--head-cmd") { Description = "The head command, split the same way." };
        var baseArguments = new Option<string[]>("--base-arg") { Description = "The baseline command as a list, one argument per --base-arg, taken as is (write --base-arg=--flag for one that starts with '-')." };
        var headArguments = new Option<string[]>("--head-arg") { Description = "The head command as a list, one argument per --head-arg." };
        var gitBase = new Option<string?>("--git-base") { Description = "Base = the merge-base of HEAD and this ref (e.g. origin/main), checked out in a temporary git worktree." };
        var command = new Option<string?>("--cmd") { Description = "With --git-base: the command to profile in both trees (run from each tree's counterpart of the current directory)." };
        var build = new Option<string?>("--build") { Description = "With --git-base: the command that builds each tree before profiling (e.g. \"dotnet build -c Release\")." };
        var series = new SeriesOptions(defaultRuns: 5, defaultWarmupRuns: 1);
        var outputDirectory = new Option<DirectoryInfo>("--output-dir", "-o") { Description = "Where to write rustscope-base.json and rustscope-head.json.", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var hz = new SamplingRateOption();
        var gate = new GateOptions();
        var isolate = new IsolateOptions();

        var ab = new Command("ab", "Run a base and a head command interleaved (ABAB…), write a session for each, and compare them; exit 1 when the gate fails.")
        {
            baseCommand, headCommand, baseArguments, headArguments, gitBase, command, build, outputDirectory, hz.Option,
        };
        isolate.AddTo(ab);
        foreach (var option in series.All.Concat(gate.All))
        {
            ab.Options.Add(option);
        }

        ab.SetAction(async (parse, _) =>
        {
            var baseRef = parse.GetValue(gitBase);
            var diagnostics = new DiagnosticWriter(console.Error, parse.GetValue(gate.MSBuild));
            IReadOnlyList<string> baseArgv, headArgv, buildArgv;
            SeriesPlan plan;
            Isolation? isolation;
            GateSettings settings;
            double rate;
            try
            {
                isolation = isolate.Read(parse);
                var shared = baseRef is null ? null : Split(parse.GetValue(command), "--cmd");
                baseArgv = Side(parse.GetValue(baseCommand), parse.GetValue(baseArguments), "--base") ?? shared ?? throw Invalid(Missing);
                headArgv = Side(parse.GetValue(headCommand), parse.GetValue(headArguments), "--head") ?? shared ?? throw Invalid(Missing);
                buildArgv = Split(parse.GetValue(build), "--build") ?? [];
                plan = series.Plan(parse);
                rate = hz.Read(parse);
                if (baseArgv.Count == 0 || headArgv.Count == 0)
                {
                    throw Invalid("both commands must be non-empty");
                }

                // Before minutes of runs, and --runs auto compares at every look.
                settings = gate.Read(parse);
            }
            catch (InputException e)
            {
                return diagnostics.Errors(e.Diagnostics);
            }

            var output = parse.GetValue(outputDirectory)!.ToString();
            var comparison = settings.Comparison;
            var stop = plan.Adaptive is { } bounds ? new SequentialStop(bounds, (b, h) => SessionComparer.Compare(b, h, comparison)) : null;
            var sides = new AbSeries(plan, rate, output, stop, console.Error);
            using var interruption = new Interruption();
            (ProfileSession Base, ProfileSession Head)? sessions;
            try
            {
                sessions = baseRef is null
                    ? await sides.RunAsync(Request(baseArgv, sides.Hz, null, isolation), Request(headArgv, sides.Hz, null, isolation), interruption).ConfigureAwait(false)
                    : await RunInTreesAsync(baseRef, buildArgv, baseArgv, headArgv, sides, isolation, interruption, console.Error).ConfigureAwait(false);
            }
            catch (InputException e)
            {
                // --runs auto's first look judges the budget's rules (an unknown --target, say): input, not a failed gate.
                return diagnostics.Errors(e.Diagnostics);
            }

            return sessions is { } pair
                ? new Gatekeeper(console).Judge(new GateRequest
                {
                    Subjects = [new GateSubject(pair.Head, sides.HeadPath) { Baseline = pair.Base, BaselinePath = sides.BasePath }],
                    Settings = settings,
                }).ExitCode
                : ExitCodes.UsageError;
        });
        return ab;
    }

    // The two forms of one side are alternatives: both at once would leave which one runs to guesswork.
    private static IReadOnlyList<string>? Side(string? text, string[]? list, string side) => (text, list) switch
    {
        (not null, { Length: > 0 }) => throw Invalid($"give {side}-cmd or {side}-arg, not both"),
        (_, { Length: > 0 }) => list,
        _ => Split(text, side + "-cmd"),
    };

    private const string Missing = "give --base-cmd (or --base-arg…) and --head-cmd (or --head-arg…), or --git-base REF with --cmd";

    private static IReadOnlyList<string>? Split(string? text, string option)
    {
        try
        {
            return text is null ? null : CommandLineSplitter.Split(text);
        }
        catch (FormatException e)
        {
            throw Invalid($"{option}: {e.Message}");
        }
    }

    private static InputException Invalid(string message) => DiagnosticWriter.CommandLineError(DiagnosticCodes.CommandInvalid, message);

    private static async Task<(ProfileSession Base, ProfileSession Head)?> RunInTreesAsync(
        string baseRef, IReadOnlyList<string> build, IReadOnlyList<string> baseArgv, IReadOnlyList<string> headArgv, AbSeries sides, Isolation? isolation, Interruption interruption, TextWriter messages)
    {
        var here = Environment.CurrentDirectory;
        try
        {
            // Ctrl-C while building stops the build and still removes the worktree (the await using below).
            await using var tree = await GitBaseTree.CreateAsync(baseRef, here, interruption.Token).ConfigureAwait(false);
            await messages.WriteLineAsync($"rustscope ab: base is {tree.MergeBase} (merge-base of HEAD and {baseRef}), checked out in {tree.Directory}").ConfigureAwait(false);
            if (build.Count > 0)
            {
                await ToolProcess.BuildAsync(InTree(build, tree.Directory), tree.Directory, messages, interruption.Token).ConfigureAwait(false);
                await ToolProcess.BuildAsync(InTree(build, here), here, messages, interruption.Token).ConfigureAwait(false);
            }

            return await sides.RunAsync(Request(InTree(baseArgv, tree.Directory), sides.Hz, tree.Directory, isolation), Request(InTree(headArgv, here), sides.Hz, here, isolation), interruption).ConfigureAwait(false);
        }
        catch (GitException e)
        {
            await messages.WriteLineAsync($"rustscope ab: {e.Message}").ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException)
        {
            await messages.WriteLineAsync("rustscope ab: interrupted before profiling; the base worktree was removed").ConfigureAwait(false);
            return null;
        }
    }

    private static RunRequest Request(IReadOnlyList<string> argv, double hz, string? directory, Isolation? isolation) =>
        new() { Launch = new LaunchSpec(argv[0], [.. argv.Skip(1)]) { WorkingDirectory = directory }, Hz = hz, Isolation = isolation };

    // "./bench.sh" names the file in each tree, not the one beside rustscope: a relative program path is the tree's.
    private static IReadOnlyList<string> InTree(IReadOnlyList<string> argv, string directory) =>
        argv[0].Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(argv[0]) ? [Path.Combine(directory, argv[0]), .. argv.Skip(1)] : argv;
}
