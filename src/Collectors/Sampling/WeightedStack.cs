namespace RustScope.Collectors.Sampling;

/// <summary>One distinct stack (frame indices, root first) of one origin and the weight of the samples that had it, summed as they come.</summary>
internal sealed class WeightedStack(int[] indices, double weight, SampleOrigin origin)
{
    public int[] Indices { get; } = indices;

    public SampleOrigin Origin { get; } = origin;

    public double Weight { get; set; } = weight;
}
