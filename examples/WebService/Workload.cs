using System.Runtime.CompilerServices;

namespace WebService;

/// <summary>The service's work: one route that burns CPU, one that allocates.</summary>
internal static class Workload
{
    /// <summary>Counts primes below <paramref name="limit"/> by trial division: pure CPU, no allocation.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int CountPrimes(int limit)
    {
        var count = 0;
        for (var candidate = 2; candidate < limit; candidate++)
        {
            var prime = true;
            for (var divisor = 2; divisor * divisor <= candidate; divisor++)
            {
                if (candidate % divisor == 0)
                {
                    prime = false;
                    break;
                }
            }

            count += prime ? 1 : 0;
        }

        return count;
    }

    /// <summary>Builds <paramref name="count"/> orders and returns their total: allocation-heavy.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal BuildOrders(int count)
    {
        var orders = new List<Order>(count);
        for (var i = 0; i < count; i++)
        {
            orders.Add(new Order(i, new decimal[32], $"customer-{i}"));
        }

        return orders.Sum(static o => o.Id);
    }
}
