using RustScope.Cli.Gate;
using RustScope.Cli.Tests.Infrastructure;
using RustScope.Core.Diagnostics;

namespace RustScope.Cli.Tests.Gate;

public sealed class UnoptimizedBuildTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_program_built_without_optimizations_is_a_warning_that_says_how_to_build_it()
    {
        var app = EmittedProgram.Write(_directory.Path, "Shop.Bench", EmittedProgram.Debug);

        var warning = UnoptimizedBuild.Check(["dotnet", app, "--orders", "10"], "build it with -c Release");

        Assert.NotNull(warning);
        Assert.Equal((app, DiagnosticCodes.DebugBuild), (warning.File, warning.Code));
        Assert.StartsWith("Shop.Bench.dll was built without optimizations (a Debug build)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("build it with -c Release", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_optimized_build_or_no_attribute_at_all_is_not()
    {
        var release = EmittedProgram.Write(_directory.Path, "Release", EmittedProgram.Release);
        var bare = EmittedProgram.Write(_directory.Path, "Bare", null);

        Assert.Null(UnoptimizedBuild.Check(["dotnet", release], "-"));
        Assert.Null(UnoptimizedBuild.Check(["dotnet", bare], "-"));
    }

    [Fact]
    public void The_assembly_is_found_after_dotnet_exec_and_beside_an_app_host()
    {
        var app = EmittedProgram.Write(_directory.Path, "App", EmittedProgram.Debug);
        File.WriteAllText(_directory.File("App"), "an app host");

        Assert.Equal(app, UnoptimizedBuild.EntryAssembly(["/usr/share/dotnet/dotnet", "exec", app]));
        Assert.Equal(app, UnoptimizedBuild.EntryAssembly([_directory.File("App"), "--bench"]));
        Assert.Null(UnoptimizedBuild.EntryAssembly(["sleep", "1"]));
        Assert.Null(UnoptimizedBuild.EntryAssembly(["dotnet", "run", "--project", "Shop.Bench"]));
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_is_no_warning_and_no_crash()
    {
        File.WriteAllText(_directory.File("fake.dll"), "not a PE file");

        Assert.Null(UnoptimizedBuild.Check(["dotnet", _directory.File("fake.dll")], "-"));
    }
}
