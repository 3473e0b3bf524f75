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

        // rustscope handles SIGINT/SIGTERM itself (run keeps going to stop the tree and write the session).
        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }
}
