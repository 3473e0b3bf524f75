using System.Text;
using RustScope.Core.Budgets;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.Formats;
using RustScope.Core.Model;

namespace RustScope.Benchmarks.Fuzz;

/// <summary>
/// One entry point per reader, fed the bytes a user could hand the CLI. A reader may refuse an input only with an
/// <see cref="InputException"/> (exit 2 and a located message); any other exception is a crash the fuzzer reports.
/// What a command does with a session it read is exercised too, so that an index the reader let through shows up
/// where it would throw (export, compare). The regression tests (tests/RustScope.Core.Tests/Fuzz) compile this file.
/// </summary>
internal static class FuzzTargets
{
    /// <summary>The readers by the name run.sh gives them, each with its corpus folder of the same name.</summary>
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["session"] = Session,
        ["budget"] = Budget,
        ["bdn"] = Session,
        ["collapsed"] = Session,
        ["pprof"] = Session,
        ["speedscope"] = Session,
        ["firefox"] = Session,
    };

    /// <summary>Runs <paramref name="target"/> on <paramref name="input"/>; an <see cref="InputException"/> is an answer, not a crash.</summary>
    public static void Run(Action<byte[]> target, byte[] input)
    {
        try
        {
            target(input);
        }
        catch (InputException)
        {
        }
    }

    // Every session format goes through the one sniffing entry point the commands use; the seed picks the format.
    private static void Session(byte[] input)
    {
        var session = SessionInput.Parse(input, "fuzz.json");
        foreach (var name in ProfileWriter.Names)
        {
            if (ProfileWriter.FromName(name) is { } format && (session.Stacks is not null || name == "session"))
            {
                ProfileWriter.Write(session, format, "fuzz.json");
            }
        }

        SessionComparer.Compare(session, session, new ComparisonOptions());
    }

    private static void Budget(byte[] input) => BudgetFile.Parse(Encoding.UTF8.GetString(input), "rustscope.yml");
}
