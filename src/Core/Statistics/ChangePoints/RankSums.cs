namespace RustScope.Core.Statistics.ChangePoints;

/// <summary>
/// A Fenwick tree (Fenwick 1994) over ranks holding the count and the sum of the values added so far, so the summed
/// distance from a new value to all earlier ones is found in O(log n) instead of O(n).
/// </summary>
internal sealed class RankSums(int capacity)
{
    private readonly int[] _counts = new int[capacity + 1];
    private readonly double[] _sums = new double[capacity + 1];
    private int _size;

    /// <summary>Empties the tree for values ranked 0 to <paramref name="size"/> − 1.</summary>
    public void Reset(int size)
    {
        _size = size;
        Array.Clear(_counts, 0, size + 1);
        Array.Clear(_sums, 0, size + 1);
    }

    /// <summary>Adds <paramref name="value"/>, whose rank is <paramref name="rank"/>.</summary>
    public void Add(int rank, double value)
    {
        for (var i = rank + 1; i <= _size; i += i & -i)
        {
            _counts[i]++;
            _sums[i] += value;
        }
    }

    /// <summary>How many values added so far rank below <paramref name="rank"/>, and their sum.</summary>
    public (int Count, double Sum) Below(int rank)
    {
        var count = 0;
        var sum = 0.0;
        for (var i = rank; i > 0; i -= i & -i)
        {
            count += _counts[i];
            sum += _sums[i];
        }

        return (count, sum);
    }
}
