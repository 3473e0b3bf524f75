using Mono.Cecil;
using Mono.Cecil.Cil;

namespace RustScope.Profiling.Weaver;

/// <summary>Finds the [Profile] methods of an assembly and weaves each, or says why it cannot.</summary>
internal static class AssemblyWeaver
{
    private const string ProfileAttribute = "RustScope.Profiling.ProfileAttribute";
    private const string AsyncStateMachine = "System.Runtime.CompilerServices.AsyncStateMachineAttribute";
    private const string IteratorStateMachine = "System.Runtime.CompilerServices.IteratorStateMachineAttribute";
    private const string AsyncIteratorStateMachine = "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute";

    private static readonly string[] IteratorStateMachines = [IteratorStateMachine, AsyncIteratorStateMachine];

    public static WeaveOutcome Weave(string assemblyPath, string profilingAssemblyPath, IReadOnlyList<string> references)
    {
        var resolver = new DefaultAssemblyResolver();
        foreach (var directory in references.Append(profilingAssemblyPath).Select(Path.GetDirectoryName).Distinct())
        {
            resolver.AddSearchDirectory(directory);
        }

        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath, new ReaderParameters { AssemblyResolver = resolver, InMemory = true });
        var module = assembly.MainModule;
        ReadSymbols(module, assemblyPath);
        if (FunctionIdTable.IsWoven(module))
        {
            return new WeaveOutcome(0, []);
        }

        var targets = module.GetTypes().SelectMany(ProfiledMethods).ToList();
        if (targets.Count == 0)
        {
            return new WeaveOutcome(0, []);
        }

        using var profiling = ModuleDefinition.ReadModule(profilingAssemblyPath);
        var runtime = new RuntimeReferences(module, profiling);
        var ids = new FunctionIdTable(module, runtime.Register);
        var errors = new List<WeaveError>();
        var woven = 0;
        foreach (var (method, explicitly) in targets)
        {
            if (Unsupported(method) is { } reason)
            {
                if (explicitly)
                {
                    errors.Add(Locate(method, $"[Profile] cannot measure {ReadableName.Of(method)}: {reason}"));
                }

                continue;
            }

            var id = ids.Add(FunctionName(method), Symbol(method));
            if ((StateMachineOf(method, AsyncStateMachine) ?? StateMachineOf(method, AsyncIteratorStateMachine)) is { } stateMachine)
            {
                AsyncMethodWeaver.Weave(method, stateMachine, id, runtime);
            }
            else if (StateMachineOf(method, IteratorStateMachine) is { } iterator)
            {
                IteratorWeaver.Weave(iterator, id, runtime);
            }
            else
            {
                BodyWrapper.Wrap(method, id, runtime.Enter, runtime.Thrown, runtime.Exit);
            }

            woven++;
        }

        ids.Complete();
        if (errors.Count == 0)
        {
            // Cecil writes the symbols in the form they were read: embedded stays embedded, a PDB file stays a file.
            assembly.Write(assemblyPath, new WriterParameters { WriteSymbols = module.HasSymbols });
        }

        return new WeaveOutcome(woven, errors);
    }

    /// <summary>Methods carrying [Profile], and the methods of types carrying it (explicitly = on the method itself).</summary>
    private static IEnumerable<(MethodDefinition Method, bool Explicitly)> ProfiledMethods(TypeDefinition type)
    {
        var wholeType = HasProfile(type);
        foreach (var method in type.Methods)
        {
            if (HasProfile(method))
            {
                yield return (method, true);
            }
            else if (wholeType && !method.IsConstructor && !method.IsSpecialName && !method.IsAbstract && !IsCompilerGenerated(method))
            {
                yield return (method, false);
            }
        }
    }

    private static string? Unsupported(MethodDefinition method)
    {
        if (method.IsAbstract || !method.HasBody)
        {
            return "it has no body (abstract, extern or a P/Invoke); profile its implementations or callers";
        }

        if (BodyWrapper.MeasuredStart(method) is null)
        {
            return "its base constructor call was not found, so the object's life cannot be told from its construction";
        }

        if (StateMachineOf(method, IteratorStateMachine) is not null)
        {
            return method.ReturnType.GetElementType().FullName is "System.Collections.Generic.IEnumerable`1" or "System.Collections.IEnumerable"
                ? null
                : "an iterator is measured per enumeration, which starts at GetEnumerator; return IEnumerable<T>";
        }

        if (StateMachineOf(method, AsyncIteratorStateMachine) is not null)
        {
            return method.ReturnType.GetElementType().FullName == "System.Collections.Generic.IAsyncEnumerable`1"
                ? null
                : "an async iterator is measured per enumeration, which starts at GetAsyncEnumerator; return IAsyncEnumerable<T>";
        }

        if (StateMachineOf(method, AsyncStateMachine) is not null)
        {
            return method.ReturnType.GetElementType().FullName switch
            {
                "System.Void" => "async void methods cannot be awaited, so their completion is unknown; return a Task",
                "System.Threading.Tasks.Task" or "System.Threading.Tasks.Task`1" or "System.Threading.Tasks.ValueTask" or "System.Threading.Tasks.ValueTask`1" => null,
                var other => $"async methods returning {other} are not supported; return Task, Task<T>, ValueTask or ValueTask<T>",
            };
        }

        return null;
    }

    private static TypeDefinition? StateMachineOf(MethodDefinition method, string attributeName) =>
        method.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == attributeName)?.ConstructorArguments[0].Value is TypeReference type
            ? type.Resolve()
            : null;

    private static bool HasProfile(ICustomAttributeProvider provider) =>
        provider.CustomAttributes.Any(a => a.AttributeType.FullName == ProfileAttribute);

    private static bool IsCompilerGenerated(MethodDefinition method) =>
        method.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.CompilerGeneratedAttribute");

    /// <summary>
    /// The compiler's PDB in its form: embedded in the assembly, else the file beside it (portable or Windows), read
    /// into memory so that file can be written over (Windows does not replace an open file). No PDB is no error.
    /// </summary>
    private static void ReadSymbols(ModuleDefinition module, string assemblyPath)
    {
        var pdb = Path.ChangeExtension(assemblyPath, ".pdb");
        if (module.HasDebugHeader && module.GetDebugHeader().Entries.Any(e => e.Directory.Type == ImageDebugType.EmbeddedPortablePdb))
        {
            module.ReadSymbols(new EmbeddedPortablePdbReaderProvider().GetSymbolReader(module, assemblyPath), throwIfSymbolsAreNotMaching: true);
        }
        else if (File.Exists(pdb))
        {
            module.ReadSymbols(new DefaultSymbolReaderProvider().GetSymbolReader(module, new MemoryStream(File.ReadAllBytes(pdb))), throwIfSymbolsAreNotMaching: true);
        }
    }

    /// <summary>
    /// The attribute's Name, else the name the source reads (<see cref="ReadableName"/>); an overloaded method gets its
    /// parameter types appended (<c>Scale(Int32)</c>, <c>Scale(Double)</c>) so overloads are recorded apart.
    /// </summary>
    private static string FunctionName(MethodDefinition method)
    {
        var named = method.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == ProfileAttribute)
            ?.Properties.FirstOrDefault(p => p.Name == "Name").Argument.Value as string;
        return named ?? ReadableName.Of(method) + Overload(method);
    }

    /// <summary>The metadata name (Namespace.Type.Method, compiler-generated names as they are), for tools.</summary>
    private static string Symbol(MethodDefinition method) => $"{method.DeclaringType.FullName.Replace('/', '.')}.{method.Name}{Overload(method)}";

    private static string Overload(MethodDefinition method) =>
        method.DeclaringType.Methods.Count(m => m.Name == method.Name) > 1
            ? $"({string.Join(", ", method.Parameters.Select(p => p.ParameterType.Name))})"
            : string.Empty;

    private static WeaveError Locate(MethodDefinition method, string message)
    {
        // An async or iterator method's code, and so its sequence points, live in its state machine's MoveNext.
        var stateMachine = IteratorStateMachines.Append(AsyncStateMachine).Select(a => StateMachineOf(method, a)).FirstOrDefault(t => t is not null);
        var code = stateMachine?.Methods.FirstOrDefault(m => m.Name == "MoveNext") ?? method;
        var point = code.DebugInformation.HasSequencePoints ? code.DebugInformation.SequencePoints.FirstOrDefault(p => !p.IsHidden) : null;
        return point is not null
            ? new WeaveError(message, point.Document.Url, point.StartLine, point.StartColumn)
            : DeclarationSite.Find(method, message) ?? new WeaveError(message, null, 0, 0);
    }
}
