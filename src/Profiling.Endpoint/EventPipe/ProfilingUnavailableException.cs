namespace RustScope.Profiling.Endpoint.EventPipe;

/// <summary>The process's own diagnostic session could not start; the message says why (the route answers 503 with it).</summary>
internal sealed class ProfilingUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
