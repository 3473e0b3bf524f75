namespace RustScope.Core.Tests.Layering;

/// <summary>One use between namespaces: <paramref name="UserType"/> (or a type nested in it) names <paramref name="UsedType"/>.</summary>
internal sealed record NamespaceUse(string User, string UserType, string Used, string UsedType);
