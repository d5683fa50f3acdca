namespace EvoGrains.Abstractions;

/// <summary>
/// One row of the final comparison: a hall-of-fame loss or a baseline, its fitness per seed, mean ± std,
/// Welch's p-value against CE (NaN when undefined), the trainers' mean seconds per run (NaN without runs)
/// and how many runs failed.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.final-arm")]
public sealed record FinalArm(
    [property: Id(0)] string Name,
    [property: Id(1)] bool IsBaseline,
    [property: Id(2)] string Expression,
    [property: Id(3)] LossText Loss,
    [property: Id(4)] IReadOnlyList<double> Fitnesses,
    [property: Id(5)] double Mean,
    [property: Id(6)] double StandardDeviation,
    [property: Id(7)] double T,
    [property: Id(8)] double PValueVersusCrossEntropy,
    [property: Id(9)] double SecondsPerRun,
    [property: Id(10)] int FailedRuns);
