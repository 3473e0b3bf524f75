using RustScope.Core.IO;

namespace RustScope.Core.Tests.IO;

/// <summary>Target names become file names one way, in the CLI and the MSBuild task alike.</summary>
public sealed class SafeFileNameTests
{
    [Theory]
    [InlineData("checkout", "checkout")]
    [InlineData("api-v2_x.y", "api-v2_x.y")]
    [InlineData("Größe/ü", "Gr__e__")]
    [InlineData("../etc/passwd", ".._etc_passwd")]
    [InlineData("a b\tc", "a_b_c")]
    public void Keeps_ascii_letters_digits_and_dash_underscore_dot_and_replaces_the_rest(string name, string expected) =>
        Assert.Equal(expected, SafeFileName.From(name));
}
