using System.Diagnostics;
using RustScope.Collectors.Host;
using RustScope.Collectors.Process.Native;

namespace RustScope.Collectors.Tests.Host;

public sealed class MachineProbeTests : IDisposable
{
    private readonly string _proc = Directory.CreateTempSubdirectory("rustscope-proc-").FullName;
    private readonly string _cpus = Directory.CreateTempSubdirectory("rustscope-cpus-").FullName;

    public void Dispose()
    {
        Directory.Delete(_proc, recursive: true);
        Directory.Delete(_cpus, recursive: true);
    }

    [Fact]
    public void Reads_the_load_average_pressure_cpu_ticks_and_frequency()
    {
        Write(_proc, "loadavg", "1.50 0.90 0.40 2/180 4242\n");
        Write(_proc, "pressure/cpu", "some avg10=12.50 avg60=3.00 avg300=1.00 total=123456789\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n");
        Write(_proc, "stat", "cpu  100 10 50 800 20 5 5 10 7 0\ncpu0 50 5 25 400 10 2 3 5 3 0\n");
        Write(_cpus, "cpu0/cpufreq/scaling_cur_freq", "2400000\n");
        Write(_cpus, "cpu1/cpufreq/scaling_cur_freq", "1800000\n");
        Directory.CreateDirectory(Path.Combine(_cpus, "cpuidle"));

        var snapshot = new MachineProbe(_proc, _cpus).Read();

        Assert.Equal((1.5, 12.5, 123456789L, 2100.0), (snapshot.LoadAverage1m, snapshot.PressureAvg10, snapshot.PressureTotalUs, snapshot.CpuMhz));
        // Busy: user + nice + system + irq + softirq + steal; guest (7) is inside user already.
        Assert.Equal((180L, 10L, 1000L), snapshot.Cpu);
    }

    [Fact]
    public void A_kernel_without_pressure_information_or_cpufreq_gives_nulls_never_zeros()
    {
        Write(_proc, "loadavg", "0.10 0.10 0.10 1/80 100\n");
        Write(_proc, "stat", "cpu  100 0 50 800 20 0 0 0 0 0\n");

        var probe = new MachineProbe(_proc, _cpus);
        var load = MachineProbe.Between(probe.Read(), probe.Read(), treeCpuS: 0);

        Assert.Null(load.CpuPressureAvg10);
        Assert.Null(load.CpuPressureShare);
        Assert.Null(load.CpuMhz);
        Assert.Equal(0.1, load.LoadAverage1m);
        Assert.Null(load.OtherCpuShare);
    }

    [Fact]
    public void Shares_are_deltas_over_the_run_and_the_tree_and_rustscope_are_not_other_processes()
    {
        var hz = Libc.ClockTicksPerSecond;
        var start = new MachineSnapshot(0, 1.0, 5, 10_000_000, (Busy: 1000, Steal: 100, Total: 10_000), null, OwnCpuS: 3);
        // Two seconds on two cores: 4 s of capacity, of which 3 s busy — 1 s the tree's, 0.2 s rustscope's, 0.1 s stolen.
        var end = new MachineSnapshot(2 * Stopwatch.Frequency, 2.0, 60, 11_500_000, (Busy: 1000 + (3 * hz), Steal: 100 + (hz / 10), Total: 10_000 + (4 * hz)), null, OwnCpuS: 3.2);

        var load = MachineProbe.Between(start, end, treeCpuS: 1);

        Assert.Equal(1.5, load.LoadAverage1m);
        Assert.Equal(60, load.CpuPressureAvg10);
        Assert.Equal(0.75, load.CpuPressureShare);
        Assert.Equal(0.025, load.StealShare);
        Assert.Equal(0.45, load.OtherCpuShare);
    }

    [Fact]
    public void A_burner_beside_shows_as_other_processes_on_the_real_machine()
    {
        var probe = new MachineProbe();
        var start = probe.Read();
        using var burner = System.Diagnostics.Process.Start(new ProcessStartInfo("sh") { ArgumentList = { "-c", "while :; do :; done" } })!;
        try
        {
            Thread.Sleep(TimeSpan.FromSeconds(1.5));
        }
        finally
        {
            burner.Kill();
            burner.WaitForExit();
        }

        var load = MachineProbe.Between(start, probe.Read(), treeCpuS: 0);

        // The burner alone is a whole core on a quiet machine; on a busy one the others make up what it does not get.
        Assert.InRange(load.OtherCpuShare!.Value, 1.0 / Environment.ProcessorCount / 2, 1);
        Assert.InRange(load.LoadAverage1m!.Value, 0, 1000);
        Assert.InRange(load.StealShare!.Value, 0, 1);
        if (File.Exists("/proc/pressure/cpu"))
        {
            Assert.InRange(load.CpuPressureShare!.Value, 0, 1);
        }
    }

    private static void Write(string root, string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
