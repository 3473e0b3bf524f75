using System.Diagnostics;
using System.Text;

namespace RustScope.Cli.Tests.Infrastructure;

/// <summary>The real <c>rustscope</c> started as a process, the way a user or CI runs it; disposing it kills what is left of its tree.</summary>
internal sealed class RustscopeProcess : IDisposable
{
    private readonly FixtureProcess _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _sawReady = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RustscopeProcess(FixtureProcess process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Stdout { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string Stderr { get { lock (_stderr) { return _stderr.ToString(); } } }

    /// <summary>Completes when the profiled child prints "ready" (passed through on stdout).</summary>
    public Task ChildReady => _sawReady.Task;

    public static RustscopeProcess Start(string workingDirectory, params string[] arguments) =>
        Start(workingDirectory, new Dictionary<string, string>(), arguments);

    public static RustscopeProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        new(FixtureProcess.Start(StartInfo(workingDirectory, environment, arguments)));

    /// <summary>As <see cref="Start(string, string[])"/>, but with SIGINT ignored, as a script's <c>nohup rustscope … &amp;</c> starts it.</summary>
    public static RustscopeProcess StartAsBackgroundJob(string workingDirectory, params string[] arguments)
    {
        var startInfo = StartInfo(workingDirectory, new Dictionary<string, string>(), arguments);
        // An ignored signal stays ignored across exec, and exec keeps the pid the tests signal.
        string[] command = ["-c", "trap '' INT; exec \"$@\"", "sh", startInfo.FileName, .. startInfo.ArgumentList];
        startInfo.FileName = "sh";
        startInfo.ArgumentList.Clear();
        foreach (var argument in command)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return new(FixtureProcess.Start(startInfo));
    }

    /// <summary>How the tests start rustscope: both streams redirected, as in CI (<c>CI=true</c>), outside GitHub Actions.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var startInfo = Repository.CliStartInfo(arguments);
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.WorkingDirectory = workingDirectory;
        startInfo.Environment["CI"] = "true";
        startInfo.Environment.Remove("GITHUB_ACTIONS");
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }

    /// <summary>Runs rustscope to completion and returns its exit code.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, params string[] arguments) =>
        RunAsync(workingDirectory, new Dictionary<string, string>(), arguments);

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var rustscope = Start(workingDirectory, environment, arguments);
        var exitCode = await rustscope.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (exitCode, rustscope.Stdout, rustscope.Stderr);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public void Dispose() => _process.Dispose();

    private void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }

        if (line == "ready")
        {
            _sawReady.TrySetResult();
        }
    }
}
