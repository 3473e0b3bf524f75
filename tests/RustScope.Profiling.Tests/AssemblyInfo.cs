// The profiler's registry is process-wide: tests that read it run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
