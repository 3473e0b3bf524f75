namespace RustScope.Collectors.Series;

/// <summary>Which side of an A/B comparison a run belongs to.</summary>
internal enum AbSide
{
    Base,
    Head,
}
