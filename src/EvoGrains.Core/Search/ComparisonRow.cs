using EvoGrains.Core.Expressions;
namespace EvoGrains.Core.Search;

/// <summary>
/// One loss in a comparison table: its metric per seed (a failed run counts as 0), mean ± std, the half-width of
/// the 95% confidence interval of the mean, Welch and paired (same-seed) p-values against CE and against the
/// best baseline (NaN when undefined or when the row is that reference), mean seconds per run and failed runs.
/// </summary>
public sealed record ComparisonRow
{
    public required string Name { get; init; }

    public required bool IsBaseline { get; init; }

    public required string Expression { get; init; }

    public required LossText Loss { get; init; }

    public required IReadOnlyList<double> Fitnesses { get; init; }

    public required double Mean { get; init; }

    public required double StandardDeviation { get; init; }

    public required double ConfidenceHalfWidth { get; init; }

    public required double PValueVsCe { get; init; }

    public required double PairedPValueVsCe { get; init; }

    public required double PValueVsBestBaseline { get; init; }

    public required double PairedPValueVsBestBaseline { get; init; }

    public required double SecondsPerRun { get; init; }

    public required int FailedRuns { get; init; }

    public int Runs => Fitnesses.Count;

    /// <summary>Whether this row is a tuned family's best grid point (<see cref="ComparisonArm.IsTuned"/>).</summary>
    public bool IsTuned => IsBaseline && ComparisonArm.MarksTuned(Name);
}
