using RustScope.Core.Model;
using RustScope.Tests.Shared;

namespace RustScope.Core.Tests;

/// <summary>RustScope.Core is packed: its public API (the session model, budgets, the comparison) changes only deliberately.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_is_the_approved_one() => PublicApi.Verify(typeof(ProfileSession).Assembly);
}
