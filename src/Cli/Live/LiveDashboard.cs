using RustScope.Core.Diagnostics;
using RustScope.Collectors.Process;
using RustScope.Core.Model;
using Spectre.Console;
using static System.FormattableString;

namespace RustScope.Cli.Live;

/// <summary>
/// The live terminal view: CPU and memory over the last minute (a column a second), threads, FDs, elapsed time, the
/// event count and a <c>[!] SPIKE</c> flash. The sampler thread only stores the latest status; the view renders four
/// times a second.
/// </summary>
internal sealed class LiveDashboard(string commandLine) : ILiveView, ISamplingObserver
{
    private const int HistoryWidth = 60;
    private static readonly TimeSpan FlashFor = TimeSpan.FromSeconds(1.5);
    private readonly Sparkline _cpu = new(HistoryWidth);
    private readonly Sparkline _memory = new(HistoryWidth);
    private readonly Lock _gate = new();
    private LiveStatus? _status;
    private MemoryEvent? _lastEvent;
    private DateTime _flashUntil;

    public async Task<ProfileSession> RunAsync(Func<ISamplingObserver, Task<ProfileSession>> profile)
    {
        var profiling = profile(this);
        await AnsiConsole.Live(Render()).AutoClear(false).StartAsync(async context =>
        {
            while (!profiling.IsCompleted)
            {
                await Task.WhenAny(profiling, Task.Delay(250)).ConfigureAwait(false);
                context.UpdateTarget(Render());
            }
        }).ConfigureAwait(false);
        return await profiling.ConfigureAwait(false);
    }

    public void OnStatus(LiveStatus status)
    {
        lock (_gate)
        {
            _status = status;
            // CPU is already a rate over the last second: its latest value stands for the second. Memory keeps the second's peak.
            _cpu.Record(status.ElapsedS, status.CpuPct, static (_, latest) => latest);
            _memory.Record(status.ElapsedS, status.RssMb, Math.Max);
        }
    }

    public void OnEvent(MemoryEvent memoryEvent)
    {
        lock (_gate)
        {
            _lastEvent = memoryEvent;
            _flashUntil = DateTime.UtcNow + FlashFor;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Panel Render()
    {
        lock (_gate)
        {
            var s = _status ?? default;

            // The charts take what the terminal leaves beside the labels and figures, so no row wraps.
            var columns = Math.Clamp(AnsiConsole.Profile.Width - 46, 8, HistoryWidth);
            var charts = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn(new GridColumn().NoWrap()).AddColumn(new GridColumn().NoWrap());
            charts.AddRow(new Markup("[dim]last[/]"), new Markup(Invariant($"[dim]{columns} s, a column a second[/]")), new Markup(string.Empty));
            charts.AddRow(new Markup("[bold]CPU[/]"), new Markup($"[green]{_cpu.Render(100, columns)}[/]"), new Markup(Invariant($"{s.CpuPct,6:F1} %  (max {s.CpuPctMax:F0} %)")));
            charts.AddRow(new Markup("[bold]MEM[/]"), new Markup($"[blue]{_memory.Render(1, columns)}[/]"), new Markup(Invariant($"{s.RssMb,8:F1} MB  (peak {s.PeakRssMb:F1} MB)")));
            var counts = new Markup(Invariant($"threads [bold]{s.Threads}[/]   fds [bold]{s.Fds}[/]   processes [bold]{s.Processes}[/]   elapsed [bold]{s.ElapsedS:F1} s[/]"));
            var flashing = DateTime.UtcNow < _flashUntil;
            var events = Invariant($"EVENTS [bold]{s.Events}[/]");
            if (_lastEvent is { } last)
            {
                var location = Markup.Escape(TerminalText.Neutralize(last.Location, TextCap.Name));
                events += flashing ? $"   [bold white on red] [[!]] SPIKE [/] {location}" : $"   [dim]last: {location}[/]";
            }

            var title = Markup.Escape(TerminalText.Neutralize(commandLine, TextCap.Name));
            return new Panel(new Rows(charts, counts, new Markup(events))).Header($"rustscope ▸ {title}").Border(flashing ? BoxBorder.Double : BoxBorder.Rounded);
        }
    }
}
