namespace RustScope.Cli.Tests.GitHub;

/// <summary>One request the fake GitHub received.</summary>
internal sealed record RecordedRequest(string Method, string Target, string? Authorization, string? ApiVersion, string Body);
