namespace RustScope.Profiling.Weaver;

/// <summary>A method that cannot be profiled, located at its source when the PDB says where.</summary>
internal sealed record WeaveError(string Message, string? File, int Line, int Column);
