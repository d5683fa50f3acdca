// The benchmarks measure throughput and memory of the whole process; run side by side they would
// measure each other (and libtorch's thread count is process-wide).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
