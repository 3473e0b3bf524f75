namespace RustScope.Collectors.Sampling;

/// <summary>One distinct stack (frame indices, root first) and the weight of the samples that had it, summed as they come.</summary>
internal sealed class WeightedStack(int[] indices, double weight)
{
    public int[] Indices { get; } = indices;

    public double Weight { get; set; } = weight;
}
