using System.CommandLine;
using System.Globalization;
using RustScope.Collectors.Process;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Cli.Series;

/// <summary><c>--isolate</c> and <c>--isolate-cpus</c>, shared by run, ab, gate and calibrate.</summary>
internal sealed class IsolateOptions
{
    public Option<bool> Isolate { get; } = new("--isolate") { Description = "Lower the command's run-to-run noise: fix the .NET runtime's code generation (DOTNET_TieredPGO=0), for the command only; recorded in the session." };

    public Option<string?> Cpus { get; } = new("--isolate-cpus") { Description = "--isolate, and pin the command's tree to these CPUs, e.g. 1 or 2-3 or 0,2 (it lowers the spread of CPU seconds, but a .NET program's wall time spreads more on one core)." };

    public IEnumerable<Option> All => [Isolate, Cpus];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The isolation asked for, or null.</summary>
    /// <exception cref="InputException">The CPU list is not a list of CPU numbers and ranges, or names a CPU rustscope may not use (RS9005).</exception>
    public Isolation? Read(ParseResult parse)
    {
        if (parse.GetValue(Cpus) is not { } list)
        {
            return parse.GetValue(Isolate) ? IsolationPolicy.Create([]) : null;
        }

        IReadOnlyList<int> cpus;
        try
        {
            cpus = ParseCpus(list);
        }
        catch (FormatException e)
        {
            throw Invalid(e.Message);
        }

        var allowed = IsolationPolicy.AllowedCpus;
        return cpus.Except(allowed).Any()
            ? throw Invalid($"--isolate-cpus {list}: CPU {cpus.Except(allowed).First()} is not one this process may run on ({string.Join(',', allowed)})")
            : IsolationPolicy.Create(cpus);
    }

    private static InputException Invalid(string message) => DiagnosticWriter.CommandLineError(DiagnosticCodes.CommandInvalid, message);

    /// <summary>Reads <c>1</c>, <c>2-3</c>, <c>0,2,4-5</c> (the kernel's cpulist format).</summary>
    internal static IReadOnlyList<int> ParseCpus(string list)
    {
        var cpus = new SortedSet<int>();
        foreach (var part in list.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-');
            if (bounds.Length is < 1 or > 2 || !bounds.All(b => int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var cpu) && cpu < 1024)
                || int.Parse(bounds[0], CultureInfo.InvariantCulture) > int.Parse(bounds[^1], CultureInfo.InvariantCulture))
            {
                throw new FormatException($"--isolate-cpus '{list}' is not a CPU list such as 1, 2-3 or 0,2");
            }

            for (var cpu = int.Parse(bounds[0], CultureInfo.InvariantCulture); cpu <= int.Parse(bounds[^1], CultureInfo.InvariantCulture); cpu++)
            {
                cpus.Add(cpu);
            }
        }

        return [.. cpus];
    }
}
