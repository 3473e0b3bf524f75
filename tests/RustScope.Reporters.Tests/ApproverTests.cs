using RustScope.Tests.Shared;

namespace RustScope.Reporters.Tests;

public sealed class ApproverTests
{
    [Fact]
    public void An_inserted_line_is_the_only_difference_shown()
    {
        Assert.Equal("line 2: + inserted\n", Approver.Diff("a\nb\nc\nd", "a\ninserted\nb\nc\nd"));
    }

    [Fact]
    public void A_changed_line_shows_as_removed_and_added()
    {
        Assert.Equal("line 2: + B\nline 2 of the approved file: - b\n", Approver.Diff("a\nb\nc", "a\nB\nc"));
    }
}
