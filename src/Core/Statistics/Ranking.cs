namespace RustScope.Core.Statistics;

/// <summary>Mid-ranks of a pooled sample and the tie term the normal approximations need.</summary>
internal static class Ranking
{
    /// <summary>The sum of the mid-ranks (1-based, ties share their average rank) of <paramref name="first"/> in the pooled sample.</summary>
    public static double RankSumOfFirst(IReadOnlyList<double> first, IReadOnlyList<double> second, out double tieTerm, out bool hasTies)
    {
        var values = new double[first.Count + second.Count];
        var isFirst = new bool[values.Length];
        for (var i = 0; i < first.Count; i++)
        {
            values[i] = first[i];
            isFirst[i] = true;
        }

        for (var j = 0; j < second.Count; j++)
        {
            values[first.Count + j] = second[j];
        }

        // Keys and items sorted together: the primitive-key sort is several times faster than a comparison delegate.
        Array.Sort(values, isFirst);
        double rankSum = 0;
        tieTerm = 0;
        hasTies = false;
        for (var start = 0; start < values.Length;)
        {
            var end = start + 1;
            while (end < values.Length && values[end] == values[start])
            {
                end++;
            }

            var size = end - start;
            var midRank = (start + 1 + end) / 2.0;
            for (var k = start; k < end; k++)
            {
                if (isFirst[k])
                {
                    rankSum += midRank;
                }
            }

            if (size > 1)
            {
                hasTies = true;
                tieTerm += ((double)size * size * size) - size;
            }

            start = end;
        }

        return rankSum;
    }
}
