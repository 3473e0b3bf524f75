namespace RustScope.Core.Statistics;

/// <summary>Mid-ranks of a pooled sample and the tie term the normal approximations need.</summary>
internal static class Ranking
{
    /// <summary>The sum of the mid-ranks (1-based, ties share their average rank) of <paramref name="first"/> in the pooled sample.</summary>
    public static double RankSumOfFirst(IReadOnlyList<double> first, IReadOnlyList<double> second, out double tieTerm, out bool hasTies)
    {
        var pooled = new (double Value, bool IsFirst)[first.Count + second.Count];
        for (var i = 0; i < first.Count; i++)
        {
            pooled[i] = (first[i], true);
        }

        for (var j = 0; j < second.Count; j++)
        {
            pooled[first.Count + j] = (second[j], false);
        }

        Array.Sort(pooled, static (a, b) => a.Value.CompareTo(b.Value));
        double rankSum = 0;
        tieTerm = 0;
        hasTies = false;
        for (var start = 0; start < pooled.Length;)
        {
            var end = start + 1;
            while (end < pooled.Length && pooled[end].Value == pooled[start].Value)
            {
                end++;
            }

            var size = end - start;
            var midRank = (start + 1 + end) / 2.0;
            for (var k = start; k < end; k++)
            {
                if (pooled[k].IsFirst)
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
