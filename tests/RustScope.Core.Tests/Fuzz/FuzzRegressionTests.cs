using RustScope.Benchmarks.Fuzz;

namespace RustScope.Core.Tests.Fuzz;

/// <summary>
/// Every input the fuzzer (benchmarks/Fuzz/run.sh) ever crashed a reader with, kept in Fuzz/Inputs/READER/, and the
/// seed corpus it starts from: each must be read or refused with a located InputException, through the very targets the
/// fuzzer runs.
/// </summary>
public sealed class FuzzRegressionTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in new[] { Path.Combine(AppContext.BaseDirectory, "Fuzz", "Inputs"), Path.Combine(AppContext.BaseDirectory, "Fuzz", "Corpus") })
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(Path.GetDirectoryName(file)!), Path.GetRelativePath(AppContext.BaseDirectory, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_fuzzed_input_is_read_or_refused_with_a_located_error(string reader, string input)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, input));

        // Run lets only InputException through as an answer; anything else fails the test with its stack.
        FuzzTargets.Run(FuzzTargets.All[reader], bytes);
    }
}
