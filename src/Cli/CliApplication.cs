using System.CommandLine;
using RustScope.Cli.Commands;
using RustScope.Core.Diagnostics;

namespace RustScope.Cli;

/// <summary>Builds the command tree and maps outcomes to the documented exit codes.</summary>
internal static class CliApplication
{
    public static Task<int> RunAsync(string[] args) =>
        args is [Collectors.Sampling.EventPipe.ResumeWatchdog.Command] ? Collectors.Sampling.EventPipe.ResumeWatchdog.RunAsync() : RunAsync(args, CliConsole.Process);

    /// <summary>Runs <paramref name="args"/> with every command writing to <paramref name="console"/>: what in-process tests call.</summary>
    internal static Task<int> RunAsync(string[] args, CliConsole console) => RunAsync(args, CommandCatalog.Create(console), console);

    /// <summary>Runs <paramref name="args"/> against <paramref name="commands"/>, help and failures going to <paramref name="console"/>.</summary>
    internal static async Task<int> RunAsync(string[] args, IEnumerable<Command> commands, CliConsole console)
    {
        var error = console.Error;
        var root = new RootCommand("RustScope: profile a process tree, gate regressions with honest statistics.");
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync($"rustscope: {TerminalText.Neutralize(parseError.Message, TextCap.Line)}");
            }

            await error.WriteLineAsync("Run 'rustscope --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            // rustscope handles SIGINT/SIGTERM itself (run keeps going to stop the tree and write the session).
            return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false, Output = console.Out, Error = console.Error });
        }
        catch (Exception e)
        {
            // System.CommandLine's handler would exit 1, which CI reads as a failed gate: a crash is never a verdict.
            await error.WriteLineAsync(console.Environment("RUSTSCOPE_DEBUG") == "1"
                ? $"rustscope: unexpected error: {string.Join('\n', e.ToString().Split('\n').Select(static line => TerminalText.Neutralize(line.TrimEnd('\r'))))}"
                : $"rustscope: unexpected error: {e.GetType().Name}: {TerminalText.Neutralize(e.Message, TextCap.Line)} (set RUSTSCOPE_DEBUG=1 for the stack trace)");
            return ExitCodes.UsageError;
        }
    }
}
