namespace EvoGrains.Benchmarks.Fidelity;

/// <summary>One loss at both budgets. Means count a failed run as 0 accuracy, as the search's fitness does.</summary>
/// <param name="FirstRungSpread">Sample standard deviation over the first rung's seeds; NaN with one seed.</param>
/// <param name="FirstRungRank">1 for the highest first-rung mean; ties share the mean rank.</param>
/// <param name="FirstRungRuns">Validation accuracy per first-rung seed, in seed order.</param>
/// <param name="FinalRuns">Test accuracy per final seed, in seed order.</param>
/// <param name="Failed">Runs (of both budgets) that failed.</param>
public sealed record FidelityRow(
    string Name,
    string Expression,
    bool IsBaseline,
    double FirstRungMean,
    double FirstRungSpread,
    double FinalMean,
    double FinalStd,
    double FirstRungRank,
    double FinalRank,
    IReadOnlyList<double> FirstRungRuns,
    IReadOnlyList<double> FinalRuns,
    int Failed);
