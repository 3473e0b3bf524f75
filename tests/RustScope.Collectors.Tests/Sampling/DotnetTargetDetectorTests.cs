using RustScope.Collectors.Process;
using RustScope.Collectors.Sampling;

namespace RustScope.Collectors.Tests.Sampling;

public sealed class DotnetTargetDetectorTests
{
    [Theory]
    [InlineData("app.dll", true)]
    [InlineData("exec", true)]
    [InlineData("run", false)]
    [InlineData("test", false)]
    public void The_dotnet_host_counts_when_it_runs_a_dll(string firstArgument, bool expected) =>
        Assert.Equal(expected, DotnetTargetDetector.IsDotnet(new LaunchSpec("dotnet", [firstArgument, "--flag"])));

    [Fact]
    public void An_apphost_is_recognised_by_its_runtimeconfig_and_a_native_program_is_not()
    {
        var apphost = Path.Combine(Path.GetDirectoryName(SamplingHarness.SamplingTargetDll)!, "SamplingTarget");

        Assert.True(DotnetTargetDetector.IsDotnet(new LaunchSpec(apphost, [])));
        Assert.False(DotnetTargetDetector.IsDotnet(new LaunchSpec("sh", ["-c", "true"])));
        Assert.False(DotnetTargetDetector.IsDotnet(new LaunchSpec("no-such-program-here", [])));
    }
}
