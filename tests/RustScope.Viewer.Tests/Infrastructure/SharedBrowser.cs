namespace RustScope.Viewer.Tests.Infrastructure;

/// <summary>The test classes that share one <see cref="Browser"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
