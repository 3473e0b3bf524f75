namespace WebService;

/// <summary>What /work/orders allocates (the type the allocation profile names).</summary>
internal sealed record Order(int Id, decimal[] Lines, string Customer);
