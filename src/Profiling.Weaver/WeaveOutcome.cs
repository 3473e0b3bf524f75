namespace RustScope.Profiling.Weaver;

/// <summary>How many methods were woven, and what could not be.</summary>
internal sealed record WeaveOutcome(int Woven, IReadOnlyList<WeaveError> Errors);
