using RustScope.Collectors.Process;

namespace RustScope.Collectors.Tests.Process;

public sealed class CommandResolverTests
{
    [Fact]
    public void Finds_a_program_on_path_like_execvp()
    {
        Assert.Equal("/bin/sh", CommandResolver.Resolve("sh", "/nonexistent:/bin:/usr/bin"));
    }

    [Theory]
    [InlineData("rustscope-no-such-program")]
    [InlineData("")]
    [InlineData("./no/such/file")]
    [InlineData("/etc/passwd")]
    [InlineData("/tmp")]
    public void Refuses_what_cannot_be_executed(string command)
    {
        Assert.Null(CommandResolver.Resolve(command, "/bin:/usr/bin"));
    }

    [Fact]
    public void A_path_with_a_slash_is_taken_as_is()
    {
        Assert.Equal("/bin/sh", CommandResolver.Resolve("/bin/sh", string.Empty));
    }
}
