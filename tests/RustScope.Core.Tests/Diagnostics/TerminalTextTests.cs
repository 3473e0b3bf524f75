using RustScope.Core.Diagnostics;

namespace RustScope.Core.Tests.Diagnostics;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("\u001b[2J\u001b]0;title\u0007", "\uFFFD[2J\uFFFD]0;title\uFFFD")]
    [InlineData("carriage\rreturn", "carriage\uFFFDreturn")]
    [InlineData("\u009b31m", "\uFFFD31m")]
    [InlineData("N\uffff and \ufffe and \ufdd0", "N\uFFFD and \uFFFD and \uFFFD")]
    [InlineData("Shop.Checkout.Price(int64) ✓ π", "Shop.Checkout.Price(int64) ✓ π")]
    [InlineData("Rtl.\u202egnp.exe\u2066 and\u2028lines\u2029", "Rtl.\uFFFDgnp.exe\uFFFD and\uFFFDlines\uFFFD")]
    [InlineData("::error file=a.cs::forged", "\u2236:error file=a.cs::forged")]
    [InlineData("  ::warning x", "  \u2236:warning x")]
    [InlineData("a ::error b\t::notice", "a \u2236:error b\uFFFD\u2236:notice")]
    [InlineData("std::vector<int>::push_back", "std::vector<int>::push_back")]
    [InlineData("one : colon and ::", "one : colon and \u2236:")]
    public void Terminal_text_carries_no_control_characters_and_no_non_characters(string text, string safe)
    {
        Assert.Equal(safe, TerminalText.Neutralize(text));
    }

    [Fact]
    public void Surrogates_are_kept_in_pairs_and_replaced_alone_and_plane_end_non_characters_go()
    {
        // Not as InlineData: the test runner cannot carry a lone surrogate through its serialisation.
        Assert.Equal("lone \uFFFD, pair \uD83D\uDE80, plane end \uFFFD", TerminalText.Neutralize("lone \uD800, pair \uD83D\uDE80, plane end \uD83F\uDFFF"));
    }

    [Fact]
    public void A_diagnostic_quoting_a_key_with_a_line_break_stays_one_line()
    {
        // A YAML key may hold "\n::error file=…::" — printed raw, a CI runner reads the second line as an annotation.
        var diagnostic = new Diagnostic("rustscope\n.yml", 5, 18, DiagnosticCodes.BudgetUnknownKey, "unknown key 'wall_time\n::error file=b.cs,line=1::forged' in process");

        foreach (var msbuild in new[] { false, true })
        {
            var line = diagnostic.Format(DiagnosticSeverity.Error, msbuild);
            Assert.DoesNotContain('\n', line);
            Assert.Contains("wall_time\uFFFD\u2236:error file=b.cs", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Words_that_a_wrapped_log_line_could_start_with_never_begin_a_workflow_command()
    {
        // Spectre wraps long lines at whitespace: "::" after a space would start the next line of a CI log.
        var text = TerminalText.Neutralize("Shop.Name ::error file=a.cs,line=1::forged\n::error x");

        Assert.DoesNotContain(" ::", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD::", text.Replace("\uFFFD\u2236", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Capped_text_is_neutralized_after_the_cut_so_its_length_is_bounded()
    {
        var huge = "\u001b" + new string('N', 2_000_000) + "\u0007";

        var shown = TerminalText.Neutralize(huge, TextCap.Name);

        Assert.Equal(TextCap.Name, shown.Length);
        Assert.StartsWith("\uFFFDNNN", shown, StringComparison.Ordinal);
        Assert.EndsWith("NNN\uFFFD", shown, StringComparison.Ordinal);
    }
}
