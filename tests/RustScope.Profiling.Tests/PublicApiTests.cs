using PublicApiGenerator;

namespace RustScope.Profiling.Tests;

/// <summary>The package's public API is a contract with every app that compiles against it: changes are deliberate.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_is_the_approved_one()
    {
        var approvedPath = Path.Combine(AppContext.BaseDirectory, "Approved", "RustScope.Profiling.approved.txt");
        var actual = typeof(Profiler).Assembly.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"] })
            .ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("RUSTSCOPE_APPROVE") == "1")
        {
            var source = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Approved", "RustScope.Profiling.approved.txt");
            File.WriteAllText(source, actual);
            return;
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        Assert.Equal(approved, actual);
    }
}
