using System.CommandLine;
using System.Runtime.InteropServices;
using RustScope.Collectors;
using RustScope.Collectors.Process;
using RustScope.Collectors.Series;
using RustScope.Cli.Git;
using RustScope.Core.Model;

namespace RustScope.Cli.Commands;

/// <summary>
/// <c>rustscope ab --base-cmd "…" --head-cmd "…" --runs N</c>: runs two commands interleaved on this machine and
/// writes one session for each, ready for <c>rustscope compare</c> — the cure for "the baseline came from another runner".
/// With <c>--git-base REF --build "…" --cmd "…"</c> the base is the merge-base of HEAD and REF, checked out into a
/// temporary git worktree and built there, and the same command runs in both trees.
/// </summary>
internal static class AbCommand
{
    public static Command Create()
    {
        var baseCommand = new Option<string?>("--base-cmd") { Description = "The baseline command, one string split like a shell would (quotes, backslashes) but never run by one." };
        var headCommand = new Option<string?>("--head-cmd") { Description = "The head command, split the same way." };
        var gitBase = new Option<string?>("--git-base") { Description = "Base = the merge-base of HEAD and this ref (e.g. origin/main), checked out in a temporary git worktree." };
        var command = new Option<string?>("--cmd") { Description = "With --git-base: the command to profile in both trees (run from each tree's counterpart of the current directory)." };
        var build = new Option<string?>("--build") { Description = "With --git-base: the command that builds each tree before profiling (e.g. \"dotnet build -c Release\")." };
        var runs = new Option<int>("--runs") { Description = "Measured runs per side.", DefaultValueFactory = _ => 5 };
        var warmupRuns = new Option<int>("--warmup-runs") { Description = "Discarded runs per side before measuring.", DefaultValueFactory = _ => 1 };
        var outputDirectory = new Option<DirectoryInfo>("--output-dir", "-o") { Description = "Where to write rustscope-base.json and rustscope-head.json.", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var hz = new Option<double>("--hz") { Description = "/proc sampling rate in Hz.", DefaultValueFactory = _ => 100 };

        var ab = new Command("ab", "Run a base and a head command interleaved (ABAB…) and write a session for each.")
        {
            baseCommand, headCommand, gitBase, command, build, runs, warmupRuns, outputDirectory, hz,
        };
        ab.SetAction(async (parse, _) =>
        {
            var baseRef = parse.GetValue(gitBase);
            var baseText = parse.GetValue(baseCommand) ?? (baseRef is null ? null : parse.GetValue(command));
            var headText = parse.GetValue(headCommand) ?? (baseRef is null ? null : parse.GetValue(command));
            if (baseText is null || headText is null)
            {
                await Console.Error.WriteLineAsync("rustscope ab: give --base-cmd and --head-cmd, or --git-base REF with --cmd").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            IReadOnlyList<string> baseArgv, headArgv, buildArgv;
            try
            {
                baseArgv = CommandLineSplitter.Split(baseText);
                headArgv = CommandLineSplitter.Split(headText);
                buildArgv = parse.GetValue(build) is { } buildText ? CommandLineSplitter.Split(buildText) : [];
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync($"rustscope ab: {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            var plan = new SeriesPlan(parse.GetValue(runs), parse.GetValue(warmupRuns));
            if (baseArgv.Count == 0 || headArgv.Count == 0 || plan.Runs < 1 || plan.WarmupRuns < 0 || parse.GetValue(hz) is <= 0 or > 1000)
            {
                await Console.Error.WriteLineAsync("rustscope ab: both commands must be non-empty, --runs at least 1, --warmup-runs not negative, --hz in (0, 1000]").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            var output = parse.GetValue(outputDirectory)!.FullName;
            return baseRef is null
                ? await ExecuteAsync(Request(baseArgv, parse.GetValue(hz), null), Request(headArgv, parse.GetValue(hz), null), plan, output).ConfigureAwait(false)
                : await ExecuteInTreesAsync(baseRef, buildArgv, baseArgv, headArgv, parse.GetValue(hz), plan, output).ConfigureAwait(false);
        });
        return ab;
    }

    private static async Task<int> ExecuteInTreesAsync(string baseRef, IReadOnlyList<string> build, IReadOnlyList<string> baseArgv, IReadOnlyList<string> headArgv, double hz, SeriesPlan plan, string outputDirectory)
    {
        var here = Environment.CurrentDirectory;
        try
        {
            await using var tree = await GitBaseTree.CreateAsync(baseRef, here).ConfigureAwait(false);
            await Console.Error.WriteLineAsync($"rustscope ab: base is {tree.MergeBase} (merge-base of HEAD and {baseRef}), checked out in {tree.Directory}").ConfigureAwait(false);
            if (build.Count > 0)
            {
                await ToolProcess.BuildAsync(InTree(build, tree.Directory), tree.Directory).ConfigureAwait(false);
                await ToolProcess.BuildAsync(InTree(build, here), here).ConfigureAwait(false);
            }

            return await ExecuteAsync(Request(InTree(baseArgv, tree.Directory), hz, tree.Directory), Request(InTree(headArgv, here), hz, here), plan, outputDirectory).ConfigureAwait(false);
        }
        catch (GitException e)
        {
            await Console.Error.WriteLineAsync($"rustscope ab: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
    }

    private static RunRequest Request(IReadOnlyList<string> argv, double hz, string? directory) =>
        new() { Launch = new LaunchSpec(argv[0], [.. argv.Skip(1)]) { WorkingDirectory = directory }, Hz = hz };

    // "./bench.sh" names the file in each tree, not the one beside rustscope: a relative program path is the tree's.
    private static IReadOnlyList<string> InTree(IReadOnlyList<string> argv, string directory) =>
        argv[0].Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(argv[0]) ? [Path.Combine(directory, argv[0]), .. argv.Skip(1)] : argv;

    private static async Task<int> ExecuteAsync(RunRequest baseRequest, RunRequest headRequest, SeriesPlan plan, string outputDirectory)
    {
        using var interrupt = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);

        (ProfileSession Base, ProfileSession Head) sessions;
        try
        {
            sessions = await InterleavedSeries.RunAsync(plan.Runs, plan.WarmupRuns, (side, position, warmup) =>
            {
                Console.Error.WriteLine($"{plan.Describe(position, warmup)} ({side.ToString().ToLowerInvariant()})");
                return RunCommand.ProfileOnceAsync(side == AbSide.Base ? baseRequest : headRequest, useTui: false, interrupt.Token);
            }, interrupt.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is CommandNotFoundException or SeriesFailedException)
        {
            await Console.Error.WriteLineAsync($"rustscope ab: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        var basePath = Path.Combine(outputDirectory, "rustscope-base.json");
        var headPath = Path.Combine(outputDirectory, "rustscope-head.json");
        SessionJson.Write(sessions.Base, basePath);
        SessionJson.Write(sessions.Head, headPath);
        Console.Out.WriteLine($"base  {basePath}  ({sessions.Base.Runs.Count} runs)");
        Console.Out.WriteLine($"head  {headPath}  ({sessions.Head.Runs.Count} runs)");
        Console.Out.WriteLine($"next: rustscope compare {basePath} {headPath}");
        foreach (var warning in sessions.Base.Warnings.Concat(sessions.Head.Warnings).Distinct())
        {
            await Console.Error.WriteLineAsync($"rustscope: warning: {warning}").ConfigureAwait(false);
        }

        return sessions.Base.Meta.ExitCode is not (null or 0) ? sessions.Base.Meta.ExitCode.Value : sessions.Head.Meta.ExitCode ?? ExitCodes.Success;

        void Interrupt(PosixSignalContext context)
        {
            context.Cancel = true;
            interrupt.Cancel();
        }
    }
}
