using RustScope.Collectors.Process;
using RustScope.Collectors.Sampling;

namespace RustScope.Collectors.Tests.Sampling;

public sealed class DotnetTargetDetectorTests
{
    [Theory]
    [InlineData("app.dll")]
    [InlineData("exec")]
    [InlineData("build")]
    [InlineData("test")]
    [InlineData("--roll-forward")]
    public void The_dotnet_host_always_runs_a_runtime_of_its_own(string firstArgument) =>
        Assert.True(DotnetTargetDetector.IsDotnet(new LaunchSpec("dotnet", [firstArgument, "--flag"])));

    [Fact]
    public void An_apphost_is_recognised_by_its_runtimeconfig_and_a_native_program_is_not()
    {
        var apphost = Path.Combine(Path.GetDirectoryName(SamplingHarness.SamplingTargetDll)!, "SamplingTarget");

        Assert.True(DotnetTargetDetector.IsDotnet(new LaunchSpec(apphost, [])));
        Assert.False(DotnetTargetDetector.IsDotnet(new LaunchSpec("sh", ["-c", "true"])));
        Assert.False(DotnetTargetDetector.IsDotnet(new LaunchSpec("no-such-program-here", [])));
    }
}
