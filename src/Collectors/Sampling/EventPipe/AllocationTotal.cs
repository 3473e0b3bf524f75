namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>The running totals of one allocation site (type + stack): estimated bytes and sampled objects.</summary>
internal sealed class AllocationTotal
{
    public double Bytes { get; set; }

    public long Count { get; set; }
}
