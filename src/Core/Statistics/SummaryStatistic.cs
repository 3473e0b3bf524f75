using System.Text.Json.Serialization;

namespace RustScope.Core.Statistics;

/// <summary>
/// The statistic a side's samples are summarised by when two sides are compared: the one whose change the test
/// estimates, so the values shown for each side and the change between them are one statistic.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SummaryStatistic>))]
public enum SummaryStatistic
{
    /// <summary>The middle value: the rank test's location, and a single value's own value.</summary>
    [JsonStringEnumMemberName("median")] Median,

    /// <summary>The exponential of the mean log value: Welch's t-test on log values compares these.</summary>
    [JsonStringEnumMemberName("geometric_mean")] GeometricMean,

    /// <summary>The arithmetic mean: Welch's t-test on raw values (when some value is zero) compares these.</summary>
    [JsonStringEnumMemberName("mean")] Mean,
}
