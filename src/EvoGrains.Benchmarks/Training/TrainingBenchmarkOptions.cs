using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Benchmarks.Training;

/// <summary>Sizes of the training benchmark (`bench training`).</summary>
public sealed record TrainingBenchmarkOptions
{
    /// <summary>The surrogate model every measurement trains.</summary>
    public string Model { get; init; } = ModelRegistry.SmallCnnName;

    /// <summary>Steps of each throughput run (step costs, FLOP rate).</summary>
    public int Steps { get; init; } = 150;

    /// <summary>Consecutive evaluations of each memory check (one at a time, and packed); at least 2.</summary>
    public int Evaluations { get; init; } = 200;

    /// <summary>Also train CE for 3 epochs on all of Fashion-MNIST and measure test accuracy (minutes).</summary>
    public bool Accuracy { get; init; }

    public int Threads { get; init; } = Environment.ProcessorCount;
}
