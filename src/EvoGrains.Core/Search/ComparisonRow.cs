using EvoGrains.Core.Expressions;
using Orleans;
namespace EvoGrains.Core.Search;

/// <summary>
/// One loss in a comparison table: its metric per seed (a failed run counts as 0), mean ± std, the half-width of
/// the 95% confidence interval of the mean, Welch and paired (same-seed) p-values against CE and against the
/// best baseline (NaN when undefined or when the row is that reference), mean seconds per run and failed runs.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.comparison-row")]
public sealed record ComparisonRow
{
    [Id(0)] internal readonly string name = null!;

    public required string Name { get => name; init => name = value; }

    [Id(1)] internal readonly bool isBaseline;

    public required bool IsBaseline { get => isBaseline; init => isBaseline = value; }

    [Id(2)] internal readonly string expression = null!;

    public required string Expression { get => expression; init => expression = value; }

    [Id(3)] internal readonly LossText loss = null!;

    public required LossText Loss { get => loss; init => loss = value; }

    [Id(4)] internal readonly IReadOnlyList<double> fitnesses = null!;

    public required IReadOnlyList<double> Fitnesses { get => fitnesses; init => fitnesses = value; }

    [Id(5)] internal readonly double mean;

    public required double Mean { get => mean; init => mean = value; }

    [Id(6)] internal readonly double standardDeviation;

    public required double StandardDeviation { get => standardDeviation; init => standardDeviation = value; }

    [Id(7)] internal readonly double confidenceHalfWidth;

    public required double ConfidenceHalfWidth { get => confidenceHalfWidth; init => confidenceHalfWidth = value; }

    [Id(8)] internal readonly double pValueVsCe;

    public required double PValueVsCe { get => pValueVsCe; init => pValueVsCe = value; }

    [Id(9)] internal readonly double pairedPValueVsCe;

    public required double PairedPValueVsCe { get => pairedPValueVsCe; init => pairedPValueVsCe = value; }

    [Id(10)] internal readonly double pValueVsBestBaseline;

    public required double PValueVsBestBaseline { get => pValueVsBestBaseline; init => pValueVsBestBaseline = value; }

    [Id(11)] internal readonly double pairedPValueVsBestBaseline;

    public required double PairedPValueVsBestBaseline
    {
        get => pairedPValueVsBestBaseline;
        init => pairedPValueVsBestBaseline = value;
    }

    [Id(12)] internal readonly double secondsPerRun;

    public required double SecondsPerRun { get => secondsPerRun; init => secondsPerRun = value; }

    [Id(13)] internal readonly int failedRuns;

    public required int FailedRuns { get => failedRuns; init => failedRuns = value; }

    public int Runs => Fitnesses.Count;

    /// <summary>Whether this row is a tuned family's best grid point (<see cref="ComparisonArm.IsTuned"/>).</summary>
    public bool IsTuned => IsBaseline && ComparisonArm.MarksTuned(Name);
}
