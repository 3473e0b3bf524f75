using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using RustScope.Cli.Tests.Infrastructure;
using RustScope.MSBuild.Tests.Infrastructure;

namespace RustScope.MSBuild.Tests.Packaging;

/// <summary>The packed packages, installed and inspected the way users and nuget.org see them.</summary>
public sealed class ToolPackageTests : IDisposable
{
    private const string RepositoryUrl = "https://github.com/rustscope/rustscope-dotnet";

    private static readonly string[] WindowsOnlyNatives = ["KernelTraceControl.dll", "KernelTraceControl.Win61.dll", "msdia140.dll"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_cli_package_installs_as_a_dotnet_tool_named_rustscope()
    {
        var tools = _temp.File("tools");
        var environment = PackageFeed.IsolatedEnvironment(_temp.File("nuget-packages"));
        PackageFeed.WriteNuGetConfig(_temp.Path);

        var (installed, installOutput) = await DotnetCommand.RunAsync(_temp.Path, environment, "dotnet",
            "tool", "install", "--tool-path", tools, "--add-source", PackageFeed.Directory, "--version", PackageFeed.Version, "RustScope.Cli");
        Assert.True(installed == 0, installOutput);

        var (exitCode, output) = await DotnetCommand.RunAsync(_temp.Path, environment, Path.Combine(tools, "rustscope"), "--version");

        Assert.True(exitCode == 0, output);
        Assert.StartsWith(PackageFeed.Version, output.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RustScope.Cli")]
    [InlineData("RustScope.Core")]
    [InlineData("RustScope.Reporters")]
    [InlineData("RustScope.MSBuild")]
    [InlineData("RustScope.Profiling")]
    public void Every_package_carries_its_description_license_readme_repository_and_commit(string id)
    {
        var nuspec = NuSpec.Read(Path.Combine(PackageFeed.Directory, $"{id}.{PackageFeed.Version}.nupkg"));

        Assert.Equal(id, nuspec.Value("id"));
        Assert.False(string.IsNullOrWhiteSpace(nuspec.Value("description")));
        Assert.Equal(("expression", "MIT"), (nuspec.Attribute("license", "type"), nuspec.Value("license")));
        Assert.Equal("README.md", nuspec.Value("readme"));
        Assert.Matches("^[0-9a-f]{40}$", nuspec.Attribute("repository", "commit"));
        Assert.Equal(("git", RepositoryUrl), (nuspec.Attribute("repository", "type"), nuspec.Attribute("repository", "url")));
        Assert.Equal(RepositoryUrl, nuspec.Value("projectUrl"));
        Assert.Contains("README.md", nuspec.Files);
    }

    [Fact]
    public void The_msbuild_package_carries_its_targets_task_and_cli_but_no_msbuild_assemblies()
    {
        var files = NuSpec.Read(Path.Combine(PackageFeed.Directory, $"RustScope.MSBuild.{PackageFeed.Version}.nupkg")).Files;

        Assert.Contains("build/RustScope.MSBuild.props", files);
        Assert.Contains("build/RustScope.MSBuild.targets", files);
        Assert.Contains("tasks/net10.0/RustScope.MSBuild.dll", files);
        Assert.Contains("tools/net10.0/any/rustscope.dll", files);
        Assert.Contains("tools/net10.0/any/rustscope.runtimeconfig.json", files);
        Assert.DoesNotContain(files, f => f.Contains("Microsoft.Build", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => f.StartsWith("lib/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("linux-x64", 62)]
    [InlineData("linux-arm64", 183)]
    public void The_cli_ships_one_native_package_per_platform(string rid, int elfMachine)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(PackageFeed.Directory, $"RustScope.Cli.{rid}.{PackageFeed.Version}.nupkg"));
        var folder = $"tools/any/{rid}/";

        // Compiled ahead of time for the platform: nothing is JIT-compiled on a run, no managed assembly is left to load.
        var tool = zip.GetEntry(folder + "rustscope");
        Assert.True(tool is not null, $"rustscope is missing from the {rid} package");
        var binary = PackageEntry.Buffer(tool).ToArray();
        Assert.Equal("\u007fELF"u8.ToArray(), binary[..4]);
        Assert.Equal(elfMachine, BitConverter.ToUInt16(binary, 18));
        Assert.Equal(-1, binary.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(Repository.Root)));
        var files = zip.Entries.Select(e => e.FullName).Where(f => f.StartsWith(folder, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(files, f => f.EndsWith(".dll", StringComparison.Ordinal) || f.EndsWith(".dbg", StringComparison.Ordinal));
        Assert.Contains(folder + $"shim/{rid}/librustscope_alloc.so", files);
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task The_arm64_tool_judges_a_committed_baseline_against_its_budget()
    {
        // Under qemu-aarch64 on an x64 machine (./build.sh installs qemu-user and the arm64 libc), natively on arm64.
        var tool = _temp.File("arm64/rustscope");
        using (var zip = ZipFile.OpenRead(Path.Combine(PackageFeed.Directory, $"RustScope.Cli.linux-arm64.{PackageFeed.Version}.nupkg")))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(tool)!);
            zip.GetEntry("tools/any/linux-arm64/rustscope")!.ExtractToFile(tool);
        }

        File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var example = Path.Combine(Repository.Root, "examples", "BuildGate");
        var baseline = Path.Combine(example, "perf", "baseline.json");
        string[] compare = ["compare", baseline, baseline, "--budget", Path.Combine(example, "rustscope.yml")];
        var (exitCode, output) = RuntimeInformation.ProcessArchitecture == Architecture.Arm64
            ? await DotnetCommand.RunAsync(_temp.Path, new Dictionary<string, string>(), tool, compare)
            : await DotnetCommand.RunAsync(_temp.Path, new Dictionary<string, string>(), "qemu-aarch64", ["-L", "/usr/aarch64-linux-gnu", tool, .. compare]);

        // A session judged against itself: the statistics ran (two metrics judged), and nothing regressed.
        Assert.True(exitCode == 0, output);
        Assert.StartsWith("RustScope: gate not decided", output, StringComparison.Ordinal);
        Assert.Contains("1 unchanged", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RustScope.MSBuild")]
    [InlineData("RustScope.Cli.linux-x64")]
    [InlineData("RustScope.Cli.linux-arm64")]
    public void The_packages_carrying_the_cli_have_no_repeated_folder_and_no_windows_only_native(string id)
    {
        var files = NuSpec.Read(Path.Combine(PackageFeed.Directory, $"{id}.{PackageFeed.Version}.nupkg")).Files;

        // tools/net10.0/any/amd64/amd64/… was a RecursiveDir added twice.
        Assert.DoesNotContain(files, f => f.Split('/') is var folders && folders.Zip(folders.Skip(1)).Any(pair => pair.First == pair.Second));
        Assert.DoesNotContain(files, f => WindowsOnlyNatives.Contains(Path.GetFileName(f), StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Packages_are_deterministic_without_the_build_machine_s_paths()
    {
        var documents = 0;
        foreach (var package in Directory.EnumerateFiles(PackageFeed.Directory, $"RustScope.*.{PackageFeed.Version}.nupkg"))
        {
            using var zip = ZipFile.OpenRead(package);
            foreach (var entry in zip.Entries.Where(e => Path.GetFileName(e.FullName).StartsWith("RustScope.", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)))
            {
                // The sources an embedded PDB names are under the path map's /_/, never the clone's directory.
                foreach (var document in EmbeddedPdbDocuments(entry))
                {
                    documents++;
                    Assert.False(document.StartsWith(Repository.Root, StringComparison.Ordinal), $"{Path.GetFileName(package)}: {entry.FullName} names {document}");
                    Assert.StartsWith("/_/", document, StringComparison.Ordinal);
                }
            }
        }

        Assert.True(documents > 0, "no embedded PDB found in the packages");
    }

    private static List<string> EmbeddedPdbDocuments(ZipArchiveEntry entry)
    {
        using var pe = new PEReader(PackageEntry.Buffer(entry));
        var embedded = pe.ReadDebugDirectory().Where(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb).ToList();
        if (embedded.Count == 0)
        {
            return [];
        }

        using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded[0]);
        var pdb = provider.GetMetadataReader();
        return [.. pdb.Documents.Select(handle => pdb.GetString(pdb.GetDocument(handle).Name))];
    }
}
