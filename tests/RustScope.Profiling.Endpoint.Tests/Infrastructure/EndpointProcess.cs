using System.Diagnostics;
using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Profiling.Endpoint.Tests.Infrastructure;

/// <summary>
/// A program serving the profiling routes, started as a real process on a free loopback port (or the address given),
/// with an <see cref="HttpClient"/> pointed at it; killed when the test disposes it.
/// </summary>
internal sealed class EndpointProcess : IDisposable
{
    private readonly FixtureProcess _process;

    private EndpointProcess(FixtureProcess process, Uri address)
    {
        _process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>The console worker (tests/fixtures/EndpointWorker) running <paramref name="workloads"/> (hot, alloc).</summary>
    public static EndpointProcess Worker(IReadOnlyDictionary<string, string>? environment = null, params string[] workloads) =>
        Start(Built("EndpointWorker", Path.Combine("tests", "fixtures", "EndpointWorker")), workloads, environment);

    /// <summary>
    /// Starts <paramref name="dll"/> and waits for its <c>listening URL</c> line. The environment sets
    /// <c>RUSTSCOPE_ENDPOINT=127.0.0.1:0</c> unless <paramref name="environment"/> says otherwise.
    /// </summary>
    public static EndpointProcess Start(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardInput = true, RedirectStandardError = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["RUSTSCOPE_ENDPOINT"] = "127.0.0.1:0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = FixtureProcess.Start(start);
        // The first line names the address; anything else first is a failure to start (the exception shows it).
        var line = process.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            process.Dispose();
            throw new InvalidOperationException($"{Path.GetFileName(dll)} did not start its endpoint: '{line}'");
        }

        return new EndpointProcess(process, new Uri(line["listening ".Length..].Trim()));
    }

    /// <summary>A program built beside the tests, in the same configuration.</summary>
    public static string Built(string name, string folder) =>
        Path.Combine(Repository.Root, folder, "bin", Repository.Configuration, "net10.0", name + ".dll");

    public void Dispose()
    {
        Http.Dispose();
        _process.Dispose();
    }
}
