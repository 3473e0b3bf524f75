using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using RustScope.MSBuild.Tests.Infrastructure;

namespace RustScope.MSBuild.Tests.Packaging;

/// <summary>
/// RustScope.Profiling's weaver task, packed once per MSBuild runtime: net10.0 for the dotnet CLI's MSBuild and
/// netstandard2.0 for Visual Studio's, which runs on .NET Framework. No .NET Framework runs here, so the
/// netstandard2.0 folder is checked the way such a host would bind it: every assembly built for netstandard2.0 and
/// referencing only netstandard, its neighbours in the folder and the MSBuild assemblies every host provides.
/// </summary>
public sealed class WeaverTaskPackageTests
{
    private static readonly string[] HostAssemblies = ["netstandard", "Microsoft.Build.Framework", "Microsoft.Build.Utilities.Core"];

    [Theory]
    [InlineData("net10.0")]
    [InlineData("netstandard2.0")]
    public void The_profiling_package_carries_the_weaver_task_and_cecil_for_each_msbuild_runtime_without_msbuild_itself(string framework)
    {
        var files = NuSpec.Read(Package).Files;

        Assert.Contains($"tasks/{framework}/RustScope.Profiling.Weaver.dll", files);
        Assert.Contains($"tasks/{framework}/Mono.Cecil.dll", files);
        Assert.DoesNotContain(files, f => f.Contains("Microsoft.Build", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_netstandard_task_folder_binds_on_net_framework_msbuild()
    {
        using var zip = ZipFile.OpenRead(Package);
        var assemblies = zip.Entries.Where(e => e.FullName.StartsWith("tasks/netstandard2.0/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        var neighbours = assemblies.Select(e => Path.GetFileNameWithoutExtension(e.Name)).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("RustScope.Profiling.Weaver", neighbours);
        foreach (var entry in assemblies)
        {
            using var pe = new PEReader(PackageEntry.Buffer(entry));
            var metadata = pe.GetMetadataReader();
            var references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToList();
            Assert.Equal(".NETStandard,Version=v2.0", TargetFramework(metadata));
            Assert.Contains("netstandard", references);
            Assert.All(references, name => Assert.True(HostAssemblies.Contains(name) || neighbours.Contains(name), $"{entry.Name} references {name}, which a .NET Framework MSBuild does not have"));
        }
    }

    private static string Package => Path.Combine(PackageFeed.Directory, $"RustScope.Profiling.{PackageFeed.Version}.nupkg");

    private static string? TargetFramework(MetadataReader metadata) =>
        metadata.GetAssemblyDefinition().GetCustomAttributes()
            .Select(metadata.GetCustomAttribute)
            .Where(a => a.Constructor.Kind == HandleKind.MemberReference
                && metadata.GetMemberReference((MemberReferenceHandle)a.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                && metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) == "TargetFrameworkAttribute")
            .Select(a => FirstStringArgument(metadata.GetBlobReader(a.Value)))
            .FirstOrDefault();

    // A custom attribute's value blob: the prolog 0x0001, then the first fixed argument, here a string (ECMA-335 II.23.3).
    private static string? FirstStringArgument(BlobReader value)
    {
        Assert.Equal(1, value.ReadUInt16());
        return value.ReadSerializedString();
    }
}
