using System.CommandLine;
using RustScope.Core.Diagnostics;

namespace RustScope.Cli.Series;

/// <summary><c>--hz</c>, the /proc sampling rate, with its one range check for run, ab and calibrate.</summary>
internal sealed class SamplingRateOption
{
    public Option<double> Option { get; } = new("--hz") { Description = "/proc sampling rate in Hz, in (0, 1000].", DefaultValueFactory = _ => 100 };

    /// <exception cref="InputException">The rate is not in (0, 1000] (RS9005).</exception>
    public double Read(ParseResult parse) => parse.GetValue(Option) is > 0 and <= 1000 and var hz
        ? hz
        : throw DiagnosticWriter.CommandLineError(DiagnosticCodes.CommandInvalid, "--hz must be in (0, 1000]");
}
