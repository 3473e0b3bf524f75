namespace RustScope.Profiling;

/// <summary>The code the JIT had made of a benchmarked method when <see cref="Bench.Run"/> measured it.</summary>
public enum JitTier
{
    /// <summary>The runtime reported no compilation of the method while the benchmark ran (it was compiled before).</summary>
    Unknown,

    /// <summary>Compiled without optimisation (a debugger, or optimisation disabled for the method or assembly).</summary>
    MinOpts,

    /// <summary>Optimised at once, without tiering (tiered compilation off, or <c>AggressiveOptimization</c>).</summary>
    Optimized,

    /// <summary>Tier 0: quickly compiled, unoptimised code, the tier before promotion.</summary>
    Tier0,

    /// <summary>Tier 0 with instrumentation for profile-guided optimisation.</summary>
    Tier0Instrumented,

    /// <summary>Tier 1 with instrumentation for profile-guided optimisation.</summary>
    Tier1Instrumented,

    /// <summary>On-stack replacement: optimised code for a hot loop entered from tier 0.</summary>
    Tier1Osr,

    /// <summary>Tier 1: the fully optimised code a long-running process runs.</summary>
    Tier1,
}
