using System.Buffers.Binary;
using System.Diagnostics;
using RustScope.Collectors.Sampling.Perf;

namespace RustScope.Collectors.Tests.Sampling;

/// <summary>What rustscope says when <c>perf record</c> fails: perf's own words, and the sysctl only when it is to blame.</summary>
public sealed class PerfRecordingTests
{
    [Fact]
    public void A_vanished_pid_is_reported_in_perfs_words_without_blaming_the_sysctl()
    {
        var warning = PerfRecording.RecordFailure(244, "Couldn't create thread/CPU maps: No such process\n");

        Assert.Equal("perf record failed (exit 244): Couldn't create thread/CPU maps: No such process", warning);
    }

    [Fact]
    public void A_permission_problem_names_the_sysctl()
    {
        var warning = PerfRecording.RecordFailure(255, "Error:\nAccess to performance monitoring and observability operations is limited.\n");

        Assert.EndsWith("; see /proc/sys/kernel/perf_event_paranoid", warning, StringComparison.Ordinal);
        Assert.Contains("Error: Access to performance monitoring", warning, StringComparison.Ordinal);
    }

    [PerfFact]
    public void A_recording_perf_was_stopped_in_before_its_first_sample_is_told_from_one_with_data()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), $"rustscope-test-perf-{Guid.NewGuid():N}.data");
        try
        {
            var record = new ProcessStartInfo("perf") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "record", "-e", "cpu-clock", "-o", dataPath, "--", "sh", "-c", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done" })
            {
                record.ArgumentList.Add(argument);
            }

            using (var perf = System.Diagnostics.Process.Start(record)!)
            {
                perf.WaitForExit();
            }

            Assert.False(PerfRecording.RecordedNothing(dataPath));

            // What perf leaves when it is stopped while still attaching (seen under `rustscope run` of a pyenv shim's
            // 40 short processes): its header, with the data section's size still 0.
            var bytes = File.ReadAllBytes(dataPath);
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(48), 0);
            File.WriteAllBytes(dataPath, bytes);
            Assert.True(PerfRecording.RecordedNothing(dataPath));

            File.WriteAllText(dataPath, "not a perf.data file at all, but long enough to hold a header");
            Assert.False(PerfRecording.RecordedNothing(dataPath));
        }
        finally
        {
            File.Delete(dataPath);
        }
    }
}
