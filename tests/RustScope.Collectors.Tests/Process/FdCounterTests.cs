using System.Diagnostics;
using RustScope.Collectors.Process;

namespace RustScope.Collectors.Tests.Process;

/// <summary>
/// Descriptor counts of real processes, counted both ways: a plain sleep and one that holds three more descriptors
/// (both inherit whatever the test host leaves open, so the difference is what is known).
/// </summary>
public sealed class FdCounterTests : IDisposable
{
    private readonly System.Diagnostics.Process _plain = Sleeper("exec sleep 30");
    private readonly System.Diagnostics.Process _holder = Sleeper("exec 3</dev/null 4</dev/null 5</dev/null; exec sleep 30");

    public void Dispose()
    {
        foreach (var process in new[] { _plain, _holder })
        {
            process.Kill();
            process.WaitForExit();
            process.Dispose();
        }
    }

    [Fact]
    public void The_kernel_count_and_the_listing_agree_and_see_three_more_descriptors()
    {
        WaitForExec(_plain);
        WaitForExec(_holder);
        using var plain = new FdCounter(_plain.Id);
        using var counted = new FdCounter(_holder.Id);
        using var listed = new FdCounter(_holder.Id, listing: true);

        Assert.Equal(Directory.GetFileSystemEntries($"/proc/{_holder.Id}/fd").Length, listed.Count());
        Assert.Equal(listed.Count(), counted.Count());
        Assert.Equal(3, counted.Count() - plain.Count());
    }

    [Fact]
    public void Kernels_from_6_2_on_count_with_one_call()
    {
        var release = File.ReadAllText("/proc/sys/kernel/osrelease").Split('.', '-');
        var kernel = new Version(int.Parse(release[0]), int.Parse(release[1]));
        Assert.Equal(kernel >= new Version(6, 2), FdCounter.IsCheap);
    }

    [Fact]
    public void A_process_that_is_not_there_counts_minus_one()
    {
        using var counter = new FdCounter(int.MaxValue);
        using var listing = new FdCounter(int.MaxValue, listing: true);
        Assert.Equal(-1, counter.Count());
        Assert.Equal(-1, listing.Count());
    }

    private static System.Diagnostics.Process Sleeper(string script) =>
        System.Diagnostics.Process.Start(new ProcessStartInfo("sh") { ArgumentList = { "-c", script } })!;

    private static void WaitForExec(System.Diagnostics.Process process)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (File.ReadAllText($"/proc/{process.Id}/comm").Trim() != "sleep" && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }
    }
}
