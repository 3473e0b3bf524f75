namespace RustScope.Profiling;

/// <summary>
/// Records every call of the method or constructor (or, on a class, of each of its methods): count, latency histogram,
/// self and total time, allocations, stack depth, exceptions, outliers. The build weaves the timing into the IL, so
/// calls from any assembly are counted. A class's constructor is measured from its base constructor call on.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class ProfileAttribute : Attribute
{
    /// <summary>The name recorded for the function; the method's full name when null.</summary>
    public string? Name { get; set; }
}
