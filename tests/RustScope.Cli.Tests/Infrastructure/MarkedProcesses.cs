using System.Text;

namespace RustScope.Cli.Tests.Infrastructure;

/// <summary>
/// The processes descended from one test's rustscope, found by an environment variable every process inherits (daemons
/// and orphans included, whoever their parent is now): what a test checks is gone and, whatever happens, kills.
/// </summary>
internal sealed class MarkedProcesses : IDisposable
{
    private const string Variable = "RUSTSCOPE_TEST_MARK";
    private readonly string _entry = $"{Variable}={Guid.NewGuid():N}";

    /// <summary>The environment that marks rustscope and so everything it starts.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { [Variable] = _entry[(Variable.Length + 1)..] };

    /// <summary>The marked processes that exist now, zombies included (a zombie nobody reaps is left behind too).</summary>
    public List<int> Alive()
    {
        var found = new List<int>();
        var needle = Encoding.UTF8.GetBytes(_entry + "\0");
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(System.IO.Path.GetFileName(directory), out var pid) || pid == System.Environment.ProcessId)
            {
                continue;
            }

            try
            {
                // A zombie's environ reads empty: its stat says whose it is not, so its parent's mark counts.
                if (File.ReadAllBytes($"{directory}/environ").AsSpan().IndexOf(needle) >= 0 || IsZombieOfMarked(directory, needle))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile.
            }
        }

        return found;
    }

    /// <summary>Waits until no marked process is left; returns those still there after <paramref name="timeout"/>.</summary>
    public async Task<List<int>> WaitGoneAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<int> alive;
        while ((alive = Alive()).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return alive;
    }

    /// <summary>Describes <paramref name="pids"/> for a failure message: pid, state, parent, command line.</summary>
    public static string Describe(IEnumerable<int> pids) => string.Join("; ", pids.Select(pid =>
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var command = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return $"{pid} [{stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0]}] ppid {stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]} {command}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{pid} (gone)";
        }
    }));

    /// <summary>Kills whatever is left, so a failed test leaves nothing running.</summary>
    public void Dispose()
    {
        for (var round = 0; round < 20 && Alive() is { Count: > 0 } alive; round++)
        {
            foreach (var pid in alive)
            {
                try
                {
                    Signals.Send(pid, Signals.Kill);
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }

            Thread.Sleep(50);
        }
    }

    private static bool IsZombieOfMarked(string directory, byte[] needle)
    {
        var stat = File.ReadAllText($"{directory}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields[0] == "Z" && File.ReadAllBytes($"/proc/{fields[1]}/environ").AsSpan().IndexOf(needle) >= 0;
    }
}
