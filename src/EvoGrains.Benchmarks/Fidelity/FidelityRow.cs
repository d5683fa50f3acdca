namespace EvoGrains.Benchmarks.Fidelity;

/// <summary>One loss at both budgets.</summary>
/// <param name="FirstRungMean">The fitness the search gives it at the first rung: mean validation accuracy over the
/// rung's seeds, 0 when a seed failed.</param>
/// <param name="FirstRungSpread">Sample standard deviation over the first rung's seeds; NaN with one seed or a
/// failure.</param>
/// <param name="FinalMean">Mean test accuracy over the final seeds; a failed run counts 0, as in the final
/// comparison.</param>
/// <param name="FirstRungRank">1 for the highest first-rung mean; ties share the mean rank.</param>
/// <param name="FinalRuns">Test accuracy per final seed, in seed order.</param>
/// <param name="FinalFailed">Final runs that failed.</param>
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
    IReadOnlyList<double> FinalRuns,
    bool FirstRungFailed,
    int FinalFailed);
