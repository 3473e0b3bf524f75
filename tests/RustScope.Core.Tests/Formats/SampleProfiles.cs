using System.IO.Compression;
using RustScope.Core.Formats;
using RustScope.Core.Model;

namespace RustScope.Core.Tests.Formats;

/// <summary>Stacks and sessions the format tests share: two modules, a shared frame, hostile names.</summary>
internal static class SampleProfiles
{
    public static StackProfile Stacks(string unit = "samples") => new()
    {
        Unit = unit,
        Frames =
        [
            new StackFrame { Name = "Program.Main", Module = "app" },
            new StackFrame { Name = "Shop.Pay(int32)", Module = "app" },
            new StackFrame { Name = "System.Text.Json.Serialize<T>", Module = "System.Text.Json" },
            new StackFrame { Name = "</script> \"quoted\" ünïcode" },
            new StackFrame { Name = "memcpy", Module = "libc.so.6" },
        ],
        Samples =
        [
            new StackSample { Stack = [0, 1], Weight = 70 },
            new StackSample { Stack = [0, 1, 4], Weight = 12 },
            new StackSample { Stack = [0, 2], Weight = 9 },
            new StackSample { Stack = [0, 3], Weight = 2 },
            new StackSample { Stack = [0], Weight = 1 },
        ],
    };

    public static ProfileSession Session(string unit = "samples") => new()
    {
        SchemaVersion = SessionJson.CurrentSchemaVersion,
        Meta = new SessionMeta { Project = "shop", StartTs = 1_733_480_000_000, TargetBinary = "dotnet" },
        Summary = new SessionSummary { DurationS = 2.5, CpuPctMean = 90, CpuPctMax = 100, PeakRssMb = 50, PeakThreads = 8, PeakFds = 20, EventCount = 0 },
        Stacks = Stacks(unit),
    };

    /// <summary>
    /// A session whose stacks keep their process, thread (one named like markup) and second, with waiting stacks apart
    /// whose frames are indexed differently from the CPU stacks'.
    /// </summary>
    public static ProfileSession Threaded()
    {
        StackThread[] threads = [new() { Pid = 4242, Tid = 4242, Name = "Main" }, new() { Pid = 4242, Tid = 4250, Name = HostileThread }, new() { Pid = 4300, Tid = 4301 }];
        return Session() with
        {
            Stacks = Stacks() with
            {
                Samples =
                [
                    new StackSample { Stack = [0, 1], Weight = 40, Pid = 4242, Tid = 4242, Second = 0 },
                    new StackSample { Stack = [0, 1], Weight = 30, Pid = 4242, Tid = 4242, Second = 1 },
                    new StackSample { Stack = [0, 1, 4], Weight = 12, Pid = 4242, Tid = 4250, Second = 1 },
                    new StackSample { Stack = [0, 2], Weight = 9, Pid = 4300, Tid = 4301, Second = 2 },
                    new StackSample { Stack = [0, 3], Weight = 2 },
                ],
                Threads = threads,
            },
            WaitStacks = new StackProfile
            {
                Frames = [new StackFrame { Name = "System.Threading.Monitor.Enter_Slowpath", Module = "System.Private.CoreLib" }, new StackFrame { Name = "Program.Main", Module = "app" }],
                Samples = [new StackSample { Stack = [1, 0], Weight = 25, Pid = 4242, Tid = 4250, Second = 2 }],
                Threads = threads,
            },
        };
    }

    public const string HostileThread = "<b>worker</b> | ]]> `x` 1/2";

    /// <summary>Each stack with where it was sampled, with its weight: what a format that keeps origins must keep.</summary>
    public static IReadOnlyDictionary<string, double> Origins(StackProfile stacks, bool seconds = true) =>
        stacks.Samples.GroupBy(s => $"{string.Join(" > ", s.Stack.Select(i => Frame(stacks.Frames[i])))} @{s.Pid}/{s.Tid}/{(seconds ? s.Second : null)}")
            .ToDictionary(g => g.Key, g => g.Sum(static s => s.Weight), StringComparer.Ordinal);

    /// <summary>The thread names, as "pid/tid name".</summary>
    public static IEnumerable<string> ThreadNames(StackProfile stacks) =>
        stacks.Threads.Select(static t => $"{t.Pid}/{t.Tid} {t.Name}").Order(StringComparer.Ordinal);

    public static IReadOnlyList<AllocationSite> Allocations { get; } =
    [
        new AllocationSite
        {
            Type = "System.Byte[]",
            Bytes = 81_920,
            Count = 40,
            Stack = [new StackFrame { Name = "Program.Main", Module = "app" }, new StackFrame { Name = "Shop.Buffer.Rent", Module = "app" }],
        },
    ];

    /// <summary>Each stack as its frame names joined root first, with its weight: what every format must keep.</summary>
    public static IReadOnlyDictionary<string, double> Weights(StackProfile stacks) =>
        stacks.Samples.GroupBy(s => string.Join(" > ", s.Stack.Select(i => Frame(stacks.Frames[i]))))
            .ToDictionary(g => g.Key, g => g.Sum(static s => s.Weight), StringComparer.Ordinal);

    public static string Write(string directory, string name, byte[] content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static ProfileSession RoundTrip(string directory, string name, ProfileFormat format) =>
        SessionInput.Load(Write(directory, name, ProfileWriter.Write(Session(), format, "shop.json")));

    public static byte[] Gzip(byte[] plain)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(plain);
        }

        return buffer.ToArray();
    }

    public static byte[] Gunzip(byte[] gzipped)
    {
        using var gzip = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }

    private static string Frame(StackFrame frame) => frame.Module is null ? frame.Name : $"{frame.Module}!{frame.Name}";
}
