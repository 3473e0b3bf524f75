using System.Globalization;

namespace RustScope.Core.Statistics;

/// <summary>Finds what makes a sample unusable, so bad data becomes a verdict with a reason instead of an exception.</summary>
internal static class SampleValidator
{
    /// <summary>The problem with <paramref name="sample"/>, or null when it can be analysed.</summary>
    public static string? Problem(string side, IReadOnlyList<double>? sample)
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

        return null;
    }
}
