namespace RustScope.Reporters.Tests.Verdicts;

/// <summary>One instrumented function's figures in each run: its mean latency by run index, allocation and calls.</summary>
internal sealed record FunctionFigures(string Name, Func<int, double> LatencyNs, double AllocBytesPerCall = 512, long Calls = 1000);
