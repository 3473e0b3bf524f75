namespace RustScope.Cli.Tests.GitHub;

/// <summary>
/// An answer the fake GitHub gives to the next request instead of serving it: a status with GitHub's rate-limit
/// headers, a body of <see cref="BodyBytes"/> bytes, the request's own Authorization header echoed back, or no
/// answer at all (<see cref="Stall"/>: headers never come, until the client gives up).
/// </summary>
internal sealed record ScriptedAnswer(int Status)
{
    public string? RetryAfter { get; init; }

    /// <summary>Sends <c>x-ratelimit-remaining: 0</c> with this reset (epoch seconds).</summary>
    public long? RateLimitReset { get; init; }

    public long BodyBytes { get; init; }

    public bool EchoAuthorization { get; init; }

    public bool Stall { get; init; }
}
