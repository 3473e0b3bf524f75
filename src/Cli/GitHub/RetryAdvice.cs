using System.Globalization;
using System.Net;

namespace RustScope.Cli.GitHub;

/// <summary>
/// Whether and when to try a GitHub call again, from the answer. GitHub's rules
/// (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api): a secondary rate limit is a 403 or
/// 429 with <c>Retry-After</c> (seconds); an exhausted primary limit is a 403 or 429 with
/// <c>x-ratelimit-remaining: 0</c> and the reset time in <c>x-ratelimit-reset</c> (epoch seconds); 5xx is transient.
/// </summary>
internal static class RetryAdvice
{
    /// <summary>Whether the answer is a rate limit rather than a refusal (a 403 without these headers is a permission).</summary>
    public static bool IsRateLimit(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests
        || response.StatusCode == HttpStatusCode.Forbidden && (response.Headers.RetryAfter is not null || Header(response, "x-ratelimit-remaining") == "0");

    public static bool IsTransient(HttpResponseMessage response) => (int)response.StatusCode >= 500 || IsRateLimit(response);

    /// <summary>How long the server asks to wait, if it says; null when it does not.</summary>
    public static TimeSpan? RequestedDelay(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            return retryAfter.Delta ?? (retryAfter.Date is { } date ? Max(date - now, TimeSpan.Zero) : null);
        }

        return Header(response, "x-ratelimit-remaining") == "0"
            && long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var reset)
            ? Max(DateTimeOffset.FromUnixTimeSeconds(Math.Min(reset, 253_402_300_799)) - now, TimeSpan.Zero)
            : null;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
