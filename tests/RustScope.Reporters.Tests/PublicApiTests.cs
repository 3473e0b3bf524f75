using RustScope.Reporters.Markdown;
using RustScope.Tests.Shared;

namespace RustScope.Reporters.Tests;

/// <summary>RustScope.Reporters is packed: its public API changes only deliberately.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_is_the_approved_one() => PublicApi.Verify(typeof(MarkdownReporter).Assembly);
}
