using System.Text.RegularExpressions;

namespace RustScope.Reporters.Tests.Verdicts;

/// <summary>No report says a thing twice in a row ("within budget: within budget").</summary>
public sealed partial class DoubledWordTests
{
    public static TheoryData<string, string> FormatsAndResults()
    {
        var data = new TheoryData<string, string>();
        foreach (var format in ReporterApprovalTests.Formats())
        {
            foreach (var result in VerdictResults.Names())
            {
                data.Add(format, result);
            }

            data.Add(format, Approved);
        }

        return data;
    }

    private const string Approved = "the approval tests' sample";

    [Theory]
    [MemberData(nameof(FormatsAndResults))]
    public void No_words_are_repeated_back_to_back(string format, string result)
    {
        var text = ReporterApprovalTests.Render(ReporterApprovalTests.Reporter(format), result == Approved ? Samples.Result() : VerdictResults.All()[result]);

        Assert.Empty(Doubled().Matches(text).Select(m => m.Value));
    }

    // One or more words, then the same words again after nothing but spaces or one mark that joins a phrase (":: " is
    // the syntax of a GitHub workflow command between its title and its message, not prose).
    [GeneratedRegex(@"\b(\p{L}+(?:[ _]\p{L}+)*)(?:\s*[:,;]\s*|\s+)\1\b", RegexOptions.IgnoreCase)]
    private static partial Regex Doubled();
}
