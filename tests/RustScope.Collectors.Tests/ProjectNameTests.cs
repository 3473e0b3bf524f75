namespace RustScope.Collectors.Tests;

public sealed class ProjectNameTests
{
    [Theory]
    [InlineData("/usr/bin/sleep", new[] { "1" }, "sleep")]
    [InlineData("dotnet", new[] { "bin/Release/net10.0/Shop.Api.dll", "--bench" }, "Shop.Api")]
    [InlineData("/usr/share/dotnet/dotnet", new[] { "Quickstart.dll" }, "Quickstart")]
    [InlineData("dotnet", new[] { "run", "--project", "x" }, "dotnet")]
    [InlineData("dotnet", new string[0], "dotnet")]
    [InlineData("./tool.dll", new[] { "a.dll" }, "tool")]
    public void Names_the_session_after_the_program_or_the_dotnet_app(string binary, string[] arguments, string expected)
    {
        Assert.Equal(expected, ProjectName.For(binary, arguments));
    }
}
