namespace EvoGrains.Benchmarks.Fidelity;

/// <summary>One loss at both budgets.</summary>
public sealed record FidelityRow
{
    public required string Name { get; init; }

    public required string Expression { get; init; }

    public required bool IsBaseline { get; init; }

    /// <summary>The fitness the search gives it at the first rung: mean validation accuracy over the rung's seeds, 0
    /// when a seed failed.</summary>
    public required double FirstRungMean { get; init; }

    /// <summary>Sample standard deviation over the first rung's seeds; NaN with one seed or a failure.</summary>
    public required double FirstRungSpread { get; init; }

    /// <summary>Mean test accuracy over the final seeds; a failed run counts 0, as in the final comparison.</summary>
    public required double FinalMean { get; init; }

    public required double FinalStd { get; init; }

    /// <summary>1 for the highest first-rung mean; ties share the mean rank.</summary>
    public required double FirstRungRank { get; init; }

    public required double FinalRank { get; init; }

    /// <summary>Test accuracy per final seed, in seed order.</summary>
    public required IReadOnlyList<double> FinalRuns { get; init; }

    public required bool FirstRungFailed { get; init; }

    /// <summary>Final runs that failed.</summary>
    public required int FinalFailed { get; init; }
}
