namespace Shop;

/// <summary>A stand-in for real work: prices every order (CPU) and keeps a receipt buffer per order (memory).</summary>
public static class Checkout
{
#if SLOW_CHECKOUT
    private const int RoundsPerOrder = 130_000;
    private const int ReceiptBytes = 16 * 1024;
#else
    private const int RoundsPerOrder = 100_000;
    private const int ReceiptBytes = 8 * 1024;
#endif

    /// <summary>Prices <paramref name="orders"/> orders and returns a checksum (so no work is optimised away).</summary>
    public static ulong Run(int orders, List<byte[]> receipts)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        ulong total = 0;
        for (var order = 0; order < orders; order++)
        {
            total += Price((ulong)order + 1);
            var receipt = new byte[ReceiptBytes];
            Array.Fill(receipt, (byte)order);
            receipts.Add(receipt);
        }

        return total;
    }

    private static ulong Price(ulong seed)
    {
        var x = seed;
        for (var round = 0; round < RoundsPerOrder; round++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }

        return x;
    }
}
