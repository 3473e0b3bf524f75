using System.Globalization;

namespace RustScope.Core.Statistics;

/// <summary>Finds what makes a sample unusable, so bad data becomes a verdict with a reason instead of an exception.</summary>
internal static class SampleValidator
{
    /// <summary>
    /// The problem with <paramref name="sample"/>, or null when it can be analysed. With <paramref name="durations"/>
    /// a side whose every value is zero is a problem too: no run takes no time, so it measured nothing.
    /// </summary>
    public static string? Problem(string side, IReadOnlyList<double>? sample, bool durations = false)
    {
        if (sample is null || sample.Count == 0)
        {
            return $"The {side} has no samples.";
        }

        for (var i = 0; i < sample.Count; i++)
        {
            var value = sample[i];
            if (!double.IsFinite(value))
            {
                return string.Create(CultureInfo.InvariantCulture, $"The {side} sample #{i + 1} is {value}, not a finite number.");
            }

            if (value < 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"The {side} sample #{i + 1} is negative ({value}); durations, sizes and counts cannot be.");
            }
        }

        if (durations && sample.All(static v => v == 0))
        {
            return sample.Count == 1 ? $"The {side}'s duration is 0: nothing was measured." : $"Every {side} duration is 0: nothing was measured.";
        }

        // Finite values can still be too large to compute with: their spread must fit a double.
        return double.IsFinite(Welford.Of(sample).Variance) || sample.Count < 2
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"The {side}'s values are too large to compute with (up to {sample.Max()}): their variance overflows.");
    }
}
