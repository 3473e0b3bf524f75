using RustScope.Collectors.Native;

namespace RustScope.Collectors.Tests.Native;

/// <summary>
/// A fact that runs an arm64 program under <c>qemu-aarch64</c> with the arm64 shim: it needs the cross compiler (which
/// also built that shim) and qemu-user; elsewhere it is skipped with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class Arm64FactAttribute : FactAttribute
{
    public const string Compiler = "aarch64-linux-gnu-gcc";
    public const string Qemu = "qemu-aarch64";

    /// <summary>Where the build put the arm64 shim (beside the x64 one, as in the tool package).</summary>
    public static string Shim => Path.Combine(AppContext.BaseDirectory, "shim", "linux-arm64", ShimLocator.FileName);

    public Arm64FactAttribute()
    {
        var missing = new[] { Compiler, Qemu }.Where(static tool => !OnPath(tool)).ToList();
        if (!File.Exists(Shim))
        {
            missing.Add(Shim);
        }

        if (missing.Count > 0)
        {
            Skip = $"no arm64 run here: missing {string.Join(", ", missing)} (apt-get install gcc-aarch64-linux-gnu qemu-user)";
        }
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(directory => File.Exists(Path.Combine(directory, tool)));
}
