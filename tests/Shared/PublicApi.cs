using System.Reflection;
using PublicApiGenerator;

namespace RustScope.Tests.Shared;

/// <summary>
/// A packed assembly's public API is a contract with everything that compiles against it: the generated listing must
/// equal <c>Approved/ASSEMBLY.approved.txt</c>, so every change to it is deliberate (<c>RUSTSCOPE_APPROVE=1</c> accepts one).
/// </summary>
internal static class PublicApi
{
    public static void Verify(Assembly assembly)
    {
        var listing = assembly.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"] });
        Approver.Verify(listing, assembly.GetName().Name!, "txt");
    }
}
