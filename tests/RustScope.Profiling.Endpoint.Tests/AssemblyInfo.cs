// The tests start real processes on a machine with few cores: one at a time keeps their profiles readable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
