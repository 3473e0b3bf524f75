// These tests start real processes and measure their CPU time and latency: run one at a time so they do not
// disturb each other's measurements on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
