using RustScope.Core.Diagnostics;
using RustScope.Core.Formats;
using RustScope.Core.Model;

namespace RustScope.Core.Tests.Formats;

public sealed class CollapsedStacksTests
{
    private static readonly StackProfile Profile = new()
    {
        Frames =
        [
            new StackFrame { Name = "Program.Main", Module = "app" },
            new StackFrame { Name = "Shop.Pay(int32)", Module = "app" },
            new StackFrame { Name = "evil;name\nwith breaks" },
        ],
        Samples =
        [
            new StackSample { Stack = [0, 1], Weight = 7 },
            new StackSample { Stack = [0, 2], Weight = 2 },
            new StackSample { Stack = [0], Weight = 1 },
            new StackSample { Stack = [0, 1], Weight = 0.2 },
        ],
    };

    [Fact]
    public void Stacks_fold_to_sorted_root_first_lines_with_separators_in_names_sanitised()
    {
        var text = CollapsedStacks.Write(Profile);

        Assert.Equal("Program.Main 1\nProgram.Main;Shop.Pay(int32) 7\nProgram.Main;evil:name with breaks 2\n", text);
    }

    [Fact]
    public void Written_stacks_read_back_to_the_same_folded_text_and_weights()
    {
        var text = CollapsedStacks.Write(Profile);

        var read = CollapsedStacks.Parse(new StringReader(text), "stacks.folded");

        Assert.Equal(text, CollapsedStacks.Write(read));
        Assert.Equal(10, read.Samples.Sum(s => s.Weight));
        Assert.Equal(["Program.Main", "Shop.Pay(int32)"], read.Samples[1].Stack.Select(i => read.Frames[i].Name));
    }

    [Theory]
    [InlineData("a;b 3\na;b\n", 2, 1)]
    [InlineData("a;b x\n", 1, 5)]
    [InlineData("a;;b 1\n", 1, 3)]
    public void Malformed_lines_are_reported_with_their_location(string text, int line, int column)
    {
        var error = Assert.Throws<InputException>(() => CollapsedStacks.Parse(new StringReader(text), "in.folded"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal((line, column, DiagnosticCodes.CollapsedInvalid), (diagnostic.Line, diagnostic.Column, diagnostic.Code));
    }
}
