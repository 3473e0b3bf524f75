using RustScope.Profiling.Recording;

namespace RustScope.Profiling;

/// <summary>A profiled region of code without a method of its own: <c>using var _ = Profiler.Scope("name");</c>.</summary>
public readonly struct ProfileScope : IDisposable
{
    private readonly int _token;
    private readonly bool _active;

    internal ProfileScope(int functionId)
    {
        _token = FunctionRegistry.Current.Enter(functionId, isSegment: false);
        _active = true;
    }

    /// <summary>Ends the scope and records it.</summary>
    public void Dispose()
    {
        if (_active)
        {
            FunctionRegistry.Current.Exit(_token);
        }
    }
}
