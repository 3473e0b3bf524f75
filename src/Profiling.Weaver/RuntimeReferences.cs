using Mono.Cecil;

namespace RustScope.Profiling.Weaver;

/// <summary>The ProfilerRuntime entry points, imported into the module being woven.</summary>
internal sealed class RuntimeReferences
{
    public RuntimeReferences(ModuleDefinition module, ModuleDefinition profiling)
    {
        var runtime = profiling.GetType("RustScope.Profiling.ProfilerRuntime")
            ?? throw new InvalidOperationException("RustScope.Profiling.ProfilerRuntime not found: the profiling assembly does not match the weaver");
        MethodReference Import(string name, int parameters) =>
            module.ImportReference(runtime.Methods.Single(m => m.Name == name && m.Parameters.Count == parameters));
        Register = Import("Register", 2);
        Enter = Import("Enter", 1);
        EnterSegment = Import("EnterSegment", 1);
        Thrown = Import("Thrown", 2);
        Exit = Import("Exit", 1);
        Timestamp = Import("Timestamp", 0);
        ExitSegment = Import("ExitSegment", 1);
        Completed = Import("Completed", 2);
        Failed = Import("Failed", 3);
        Produced = Import("Produced", 3);
        Iterated = Import("Iterated", 3);
        IterationFaulted = Import("IterationFaulted", 2);
        IterationDisposed = Import("IterationDisposed", 2);
    }

    public MethodReference Register { get; }

    public MethodReference Enter { get; }

    public MethodReference EnterSegment { get; }

    public MethodReference Thrown { get; }

    public MethodReference Exit { get; }

    public MethodReference Timestamp { get; }

    public MethodReference ExitSegment { get; }

    public MethodReference Completed { get; }

    public MethodReference Failed { get; }

    public MethodReference Produced { get; }

    public MethodReference Iterated { get; }

    public MethodReference IterationFaulted { get; }

    public MethodReference IterationDisposed { get; }
}
