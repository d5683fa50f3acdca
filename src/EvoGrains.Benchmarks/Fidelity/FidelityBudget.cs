namespace EvoGrains.Benchmarks.Fidelity;

/// <summary>
/// One side of the comparison: how long each loss trained, with which seeds, and on which split accuracy was measured.
/// </summary>
public sealed record FidelityBudget(int Steps, IReadOnlyList<int> Seeds, int TrainImages, string Split);
