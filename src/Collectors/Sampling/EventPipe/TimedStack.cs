using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>Samples of one call stack on one thread within one tenth of a second.</summary>
/// <param name="RootFirst">The frames, root first.</param>
/// <param name="Samples">How many samples saw the stack.</param>
/// <param name="Tid">The kernel's thread id.</param>
/// <param name="UnixMs">The start of the tenth of a second, in Unix milliseconds.</param>
internal sealed record TimedStack(IReadOnlyList<StackFrame> RootFirst, int Samples, int Tid, long UnixMs);
