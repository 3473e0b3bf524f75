// The tests run rustscope and real builds that time their targets: one at a time on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
