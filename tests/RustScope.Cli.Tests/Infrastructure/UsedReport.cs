using System.Globalization;
using System.Text.RegularExpressions;

namespace RustScope.Cli.Tests.Infrastructure;

/// <summary>
/// What a fixture says it really used (its <c>used …</c> and <c>child …</c> lines, from getrusage and the CPU clock):
/// the truth rustscope's figures are checked against, whatever else the machine is running.
/// </summary>
internal sealed partial record UsedReport(double CpuS, double WallS, IReadOnlyDictionary<int, double> ChildCpuS)
{
    /// <summary>Mean CPU over the reported wall time, % of one core.</summary>
    public double CpuPct => CpuS / WallS * 100;

    public static UsedReport Parse(string stdout)
    {
        var used = UsedLine().Match(stdout);
        Assert.True(used.Success, $"the fixture printed no 'used' line: {stdout}");
        var children = ChildLine().Matches(stdout).ToDictionary(m => Number<int>(m, 1), m => Number<double>(m, 2));
        return new UsedReport(Number<double>(used, 1), Number<double>(used, 2), children);
    }

    private static T Number<T>(Match match, int group) where T : IParsable<T> => T.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^used cpu_s=([0-9.]+) wall_s=([0-9.]+)$", RegexOptions.Multiline)]
    private static partial Regex UsedLine();

    [GeneratedRegex(@"^child ([0-9]+) cpu_s=([0-9.]+)$", RegexOptions.Multiline)]
    private static partial Regex ChildLine();
}
