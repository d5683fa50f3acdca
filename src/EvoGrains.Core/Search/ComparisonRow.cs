using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Search;

/// <summary>
/// One loss in a comparison table: its metric per seed (a failed run counts as 0), mean ± std, the half-width of
/// the 95% confidence interval of the mean, Welch and paired (same-seed) p-values against CE and against the
/// best baseline (NaN when undefined or when the row is that reference), mean seconds per run and failed runs.
/// </summary>
public sealed record ComparisonRow(
    string Name,
    bool IsBaseline,
    string Expression,
    LossText Loss,
    IReadOnlyList<double> Fitnesses,
    double Mean,
    double StandardDeviation,
    double ConfidenceHalfWidth,
    double PValueVsCe,
    double PairedPValueVsCe,
    double PValueVsBestBaseline,
    double PairedPValueVsBestBaseline,
    double SecondsPerRun,
    int FailedRuns)
{
    public int Runs => Fitnesses.Count;

    /// <summary>Whether this row is a tuned family's best grid point (<see cref="ComparisonArm.IsTuned"/>).</summary>
    public bool IsTuned => IsBaseline && ComparisonArm.MarksTuned(Name);
}
