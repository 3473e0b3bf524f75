using System.Globalization;
using RustScope.Core.Diagnostics;
using RustScope.Collectors.Process;
using RustScope.Core.Model;

namespace RustScope.Cli.Live;

/// <summary>Plain progress for CI logs and pipes: about one line a second, and one per event.</summary>
internal sealed class ProgressLines(TextWriter output) : ILiveView, ISamplingObserver
{
    private double _nextLineAtS;

    public Task<ProfileSession> RunAsync(Func<ISamplingObserver, Task<ProfileSession>> profile) => profile(this);

    public void OnStatus(LiveStatus status)
    {
        if (status.ElapsedS < _nextLineAtS)
        {
            return;
        }

        _nextLineAtS = Math.Floor(status.ElapsedS) + 1;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rustscope [{status.ElapsedS,6:F1}s] cpu {status.CpuPct,6:F1}%  rss {status.RssMb,8:F1} MB  threads {status.Threads,4}  fds {status.Fds,4}  procs {status.Processes,3}  events {status.Events}"));
    }

    public void OnEvent(MemoryEvent memoryEvent) =>
        output.WriteLine($"rustscope [!] SPIKE {TerminalText.Neutralize(memoryEvent.Location, TextCap.Name)}");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
