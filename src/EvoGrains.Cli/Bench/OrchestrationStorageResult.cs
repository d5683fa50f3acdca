using EvoGrains.Benchmarks.Orchestration;

namespace EvoGrains.Cli.Bench;

/// <summary>The orchestration benchmark with one grain storage provider.</summary>
public sealed record OrchestrationStorageResult(string Storage, OrchestrationBenchmarkResult Result);
