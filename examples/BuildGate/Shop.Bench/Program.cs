using System.Globalization;
using Shop;

// Usage: Shop.Bench [--orders N]. Runs the checkout once; rustscope measures the whole process.
var orders = args is ["--orders", var count] ? int.Parse(count, CultureInfo.InvariantCulture) : 4000;
var receipts = new List<byte[]>(orders);
var checksum = Checkout.Run(orders, receipts);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checked out {orders} orders, {receipts.Count} receipts, checksum {checksum:x16}"));
