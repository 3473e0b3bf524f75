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
