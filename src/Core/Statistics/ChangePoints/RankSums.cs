namespace RustScope.Core.Statistics.ChangePoints;

/// <summary>
/// A Fenwick tree (Fenwick 1994) over ranks holding the count and the sum of the values added so far, so the summed
/// distance from a new value to all earlier ones is found in O(log n) instead of O(n). Count and sum of a node sit side
/// by side in one array: one cache line per step of the walk.
/// </summary>
internal sealed class RankSums(int capacity)
{
    private readonly double[] _nodes = new double[2 * (capacity + 1)];
    private int _size;

    /// <summary>Empties the tree for values ranked 0 to <paramref name="size"/> − 1.</summary>
    public void Reset(int size)
    {
        _size = size;
        Array.Clear(_nodes, 0, 2 * (size + 1));
    }

    /// <summary>Adds <paramref name="value"/>, whose rank is <paramref name="rank"/>.</summary>
    public void Add(int rank, double value)
    {
        for (var i = rank + 1; i <= _size; i += i & -i)
        {
            _nodes[2 * i]++;
            _nodes[(2 * i) + 1] += value;
        }
    }

    /// <summary>How many values added so far rank below <paramref name="rank"/>, and their sum.</summary>
    public (double Count, double Sum) Below(int rank)
    {
        double count = 0, sum = 0;
        for (var i = rank; i > 0; i -= i & -i)
        {
            count += _nodes[2 * i];
            sum += _nodes[(2 * i) + 1];
        }

        return (count, sum);
    }
}
