using EvoGrains.Core.Search;

namespace EvoGrains.Benchmarks.Fidelity;

/// <summary>Every loss at the spec's first rung and at its final budget, and how well the two rankings agree.</summary>
/// <param name="Spearman">Spearman's rho of the first-rung means against the final means, with its bootstrap interval
/// over losses.</param>
/// <param name="Kendall">Kendall's tau-b, likewise.</param>
/// <param name="Seconds">Wall time of all the training.</param>
public sealed record FidelityBenchmarkResult(
    string SpecName,
    string Dataset,
    string Model,
    FidelityBudget FirstRung,
    FidelityBudget Final,
    TrainerSpec Trainers,
    IReadOnlyList<FidelityRow> Rows,
    BootstrapInterval Spearman,
    BootstrapInterval Kendall,
    double Seconds);
