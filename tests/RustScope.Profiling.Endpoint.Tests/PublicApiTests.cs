using RustScope.Tests.Shared;

namespace RustScope.Profiling.Endpoint.Tests;

/// <summary>The package's public API is a contract with every app that compiles against it: changes are deliberate.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_is_the_approved_one() => PublicApi.Verify(typeof(RustScopeEndpoint).Assembly);
}
