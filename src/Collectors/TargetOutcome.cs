using RustScope.Core.Model;

namespace RustScope.Collectors;

/// <summary>How the profiled target ended.</summary>
internal sealed record TargetOutcome(string Binary, IReadOnlyList<string> Arguments, int Pid, int? ExitCode, Termination Termination);
