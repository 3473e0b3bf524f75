using System.Text;
using RustScope.Core.Formats;
using RustScope.Core.Model;
using Proto = RustScope.Core.Formats.Pprof;

namespace RustScope.Core.Tests.Formats;

/// <summary>The native sites of run --track-alloc reach pprof and collapsed stacks on the .NET allocation sites' path, weighted in bytes.</summary>
public sealed class NativeAllocationExportTests
{
    private static readonly NativeAllocationProfile Native = new()
    {
        AllocatedBytes = 5_387_900,
        Allocations = 8_100,
        Frees = 8_000,
        PeakLiveBytes = 128_540,
        LeakedBytes = 123_400,
        LeakedBlocks = 100,
        Dropped = 0,
        Processes = 1,
        Sites =
        [
            new NativeAllocationSite { Function = "churn", Module = "leak", Bytes = 4_000_000, Count = 1_000, Stack = [new StackFrame { Name = "main", Module = "leak" }, new StackFrame { Name = "churn", Module = "leak" }] },
            new NativeAllocationSite { Function = "leak_here", Module = "leak", Bytes = 123_400, Count = 100, LeakedBytes = 123_400, LeakedBlocks = 100, Stack = [new StackFrame { Name = "main", Module = "leak" }, new StackFrame { Name = "leak_here", Module = "leak" }] },
        ],
    };

    [Fact]
    public void Without_cpu_stacks_collapsed_stacks_are_the_native_sites_in_bytes()
    {
        var session = SampleProfiles.Session() with { Stacks = null, NativeAllocations = Native };

        var text = Encoding.UTF8.GetString(ProfileWriter.Write(session, ProfileFormat.Collapsed, "s.json"));

        Assert.Equal("main;churn 4000000\nmain;leak_here 123400\n", text);
    }

    [Fact]
    public void Native_sites_are_pprof_allocation_sites_of_type_native()
    {
        var session = SampleProfiles.Session() with { Allocations = SampleProfiles.Allocations, NativeAllocations = Native };

        var profile = Proto.Profile.Parser.ParseFrom(SampleProfiles.Gunzip(ProfileWriter.Write(session, ProfileFormat.Pprof, "s.json")));

        var native = profile.Sample.Where(s => s.Label.Any(l => profile.StringTable[(int)l.Str] == "native")).Select(s => (s.Value[1], s.Value[2])).ToList();
        Assert.Equal([(1_000L, 4_000_000L), (100L, 123_400L)], native);
        Assert.Contains(profile.Sample, s => s.Label.Any(l => profile.StringTable[(int)l.Str] == "System.Byte[]"));
    }
}
