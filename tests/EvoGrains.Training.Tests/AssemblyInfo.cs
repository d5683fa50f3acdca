// libtorch's thread count is process-wide and several tests compare runs bit for bit, so tests must not
// change it under each other; on two cores parallel tests would only contend anyway.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
