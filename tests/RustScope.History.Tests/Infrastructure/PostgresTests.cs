namespace RustScope.History.Tests.Infrastructure;

/// <summary>The test classes (a collection) that share one PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
