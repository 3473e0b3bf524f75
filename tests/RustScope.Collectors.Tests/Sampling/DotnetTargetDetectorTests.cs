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

    [Theory]
    [InlineData("--roll-forward", "Major")]
    [InlineData("--runtimeconfig", "app.runtimeconfig.json")]
    [InlineData("--depsfile", "app.deps.json")]
    [InlineData("--additionalprobingpath", "/probe")]
    [InlineData("--fx-version", "10.0.0")]
    [InlineData("--additional-deps", "extra.deps.json")]
    public void The_value_of_a_host_option_is_not_taken_for_the_app(string option, string value)
    {
        Assert.True(DotnetTargetDetector.IsDotnet(new LaunchSpec("dotnet", [option, value, "app.dll"])));
        Assert.False(DotnetTargetDetector.IsDotnet(new LaunchSpec("dotnet", [option, value, "run"])));
    }

    [Fact]
    public void A_flag_without_a_value_is_skipped_and_several_host_options_combine()
    {
        Assert.True(DotnetTargetDetector.IsDotnet(new LaunchSpec("dotnet", ["--roll-forward", "Major", "--fx-version", "10.0.0", "exec", "app.dll"])));
        Assert.True(DotnetTargetDetector.IsDotnet(new LaunchSpec("dotnet", ["--diagnostics", "app.dll"])));
        Assert.False(DotnetTargetDetector.IsDotnet(new LaunchSpec("dotnet", ["--roll-forward"])));
    }

    [Fact]
    public void An_apphost_is_recognised_by_its_runtimeconfig_and_a_native_program_is_not()
    {
        var apphost = Path.Combine(Path.GetDirectoryName(SamplingHarness.SamplingTargetDll)!, "SamplingTarget");

        Assert.True(DotnetTargetDetector.IsDotnet(new LaunchSpec(apphost, [])));
        Assert.False(DotnetTargetDetector.IsDotnet(new LaunchSpec("sh", ["-c", "true"])));
        Assert.False(DotnetTargetDetector.IsDotnet(new LaunchSpec("no-such-program-here", [])));
    }
}
