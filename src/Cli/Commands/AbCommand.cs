using System.CommandLine;
using System.Runtime.InteropServices;
using RustScope.Collectors;
using RustScope.Collectors.Process;
using RustScope.Collectors.Series;
using RustScope.Core.Model;

namespace RustScope.Cli.Commands;

/// <summary>
/// <c>rustscope ab --base-cmd "…" --head-cmd "…" --runs N</c>: runs two commands interleaved on this machine and
/// writes one session for each, ready for <c>rustscope compare</c> — the cure for "the baseline came from another runner".
/// </summary>
internal static class AbCommand
{
    public static Command Create()
    {
        var baseCommand = new Option<string>("--base-cmd") { Description = "The baseline command, one string split like a shell would (quotes, backslashes) but never run by one.", Required = true };
        var headCommand = new Option<string>("--head-cmd") { Description = "The head command, split the same way.", Required = true };
        var runs = new Option<int>("--runs") { Description = "Measured runs per side.", DefaultValueFactory = _ => 5 };
        var warmupRuns = new Option<int>("--warmup-runs") { Description = "Discarded runs per side before measuring.", DefaultValueFactory = _ => 1 };
        var outputDirectory = new Option<DirectoryInfo>("--output-dir", "-o") { Description = "Where to write rustscope-base.json and rustscope-head.json.", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var hz = new Option<double>("--hz") { Description = "/proc sampling rate in Hz.", DefaultValueFactory = _ => 100 };

        var ab = new Command("ab", "Run a base and a head command interleaved (ABAB…) and write a session for each.")
        {
            baseCommand, headCommand, runs, warmupRuns, outputDirectory, hz,
        };
        ab.SetAction(async (parse, _) =>
        {
            IReadOnlyList<string> baseArgv, headArgv;
            try
            {
                baseArgv = CommandLineSplitter.Split(parse.GetValue(baseCommand)!);
                headArgv = CommandLineSplitter.Split(parse.GetValue(headCommand)!);
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

            return await ExecuteAsync(Request(baseArgv, parse.GetValue(hz)), Request(headArgv, parse.GetValue(hz)), plan, parse.GetValue(outputDirectory)!.FullName).ConfigureAwait(false);
        });
        return ab;
    }

    private static RunRequest Request(IReadOnlyList<string> argv, double hz) =>
        new() { Launch = new LaunchSpec(argv[0], [.. argv.Skip(1)]), Hz = hz };

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
