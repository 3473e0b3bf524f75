using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace RustScope.Profiling.Weaver;

/// <summary>
/// MSBuild task run after CoreCompile: weaves timing into every [Profile] method of the compiled assembly, so every
/// caller — in any assembly — is measured. Errors point at the method's source line.
/// </summary>
public sealed class WeaveProfiledMethods : Microsoft.Build.Utilities.Task
{
    /// <summary>The intermediate assembly (obj/…/X.dll), rewritten in place with its PDB.</summary>
    [Required]
    public string AssemblyPath { get; set; } = string.Empty;

    /// <summary>The RustScope.Profiling.dll the assembly references.</summary>
    [Required]
    public string ProfilingAssemblyPath { get; set; } = string.Empty;

    /// <summary>The assembly's references, to resolve types while weaving.</summary>
    public ITaskItem[] ReferencePaths { get; set; } = [];

    /// <inheritdoc/>
    public override bool Execute()
    {
        var outcome = AssemblyWeaver.Weave(AssemblyPath, ProfilingAssemblyPath, [.. ReferencePaths.Select(r => r.ItemSpec)]);
        foreach (var error in outcome.Errors)
        {
            Log.LogError("RustScope", "RSP001", null, error.File ?? AssemblyPath, error.Line, error.Column, 0, 0, "{0}", error.Message);
        }

        if (outcome.Woven > 0)
        {
            Log.LogMessage(MessageImportance.Normal, "RustScope: wove {0} profiled method(s) into {1}", outcome.Woven, AssemblyPath);
        }

        return !Log.HasLoggedErrors;
    }
}
