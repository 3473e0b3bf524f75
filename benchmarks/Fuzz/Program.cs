using RustScope.Benchmarks.Fuzz;
using SharpFuzz;

// `READER` under afl-fuzz (run.sh): SharpFuzz's persistent loop feeds each input; `READER FILE...` runs inputs once
// (a crash's reproduction).
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: RustScope.Benchmarks.Fuzz {string.Join('|', FuzzTargets.All.Keys)} [FILE...]");
    return 2;
}

if (args.Length > 1)
{
    foreach (var file in args[1..])
    {
        FuzzTargets.Run(target, File.ReadAllBytes(file));
    }

    return 0;
}

Fuzzer.Run(stream =>
{
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    FuzzTargets.Run(target, copy.ToArray());
});
return 0;
