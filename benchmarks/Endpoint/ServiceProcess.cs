using System.Diagnostics;

namespace RustScope.Benchmarks.Endpoint;

/// <summary>examples/WebService started on a free loopback port, stopped (with its tree) on dispose.</summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Pid => _process.Id;

    /// <summary>The CPU (user + system) the service has used so far.</summary>
    public TimeSpan Cpu()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public static ServiceProcess Start(string dll, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        var line = process.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new InvalidOperationException($"{dll} did not start: '{line}'");
        }

        return new ServiceProcess(process, new Uri(line["listening ".Length..].Trim()));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
