using System.CommandLine;
using RustScope.Cli.Commands;

namespace RustScope.Cli;

/// <summary>Builds the command tree and maps outcomes to the documented exit codes.</summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("RustScope: profile a process tree, gate regressions with honest statistics.");
        foreach (var command in CommandCatalog.Create())
        {
            root.Subcommands.Add(command);
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync($"rustscope: {error.Message}");
            }

            await Console.Error.WriteLineAsync("Run 'rustscope --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            // rustscope handles SIGINT/SIGTERM itself (run keeps going to stop the tree and write the session).
            return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            // System.CommandLine's handler would exit 1, which CI reads as a failed gate: a crash is never a verdict.
            await Console.Error.WriteLineAsync(Environment.GetEnvironmentVariable("RUSTSCOPE_DEBUG") == "1"
                ? $"rustscope: unexpected error: {e}"
                : $"rustscope: unexpected error: {e.GetType().Name}: {e.Message} (set RUSTSCOPE_DEBUG=1 for the stack trace)");
            return ExitCodes.UsageError;
        }
    }
}
