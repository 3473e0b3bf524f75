// One Chromium for the whole run, one page at a time: two cores are shared with the build and other test projects.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
