using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>
/// The final stage's outcome: the elimination <see cref="Rounds"/> (validation numbers), then the table of the
/// survivors and the baselines retrained <see cref="Seeds"/> times for <see cref="Steps"/> steps, measured on
/// <see cref="Split"/> ("test"), and one table per transfer setting (<see cref="Transfer"/>). <see cref="Trainings"/>
/// counts every final-stage training, rounds and transfer settings included.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.final-comparison")]
public sealed record FinalComparison
{
    public const string Test = "test";

    public const string Validation = "validation";

    [Id(0)] internal readonly int steps;

    public required int Steps { get => steps; init => steps = value; }

    [Id(1)] internal readonly int seeds;

    public required int Seeds { get => seeds; init => seeds = value; }

    [Id(2)] internal readonly IReadOnlyList<ComparisonRow> rows = null!;

    public required IReadOnlyList<ComparisonRow> Rows { get => rows; init => rows = value; }

    [Id(3)] internal readonly DateTimeOffset completedAt;

    public required DateTimeOffset CompletedAt { get => completedAt; init => completedAt = value; }

    [Id(4)] internal readonly string split = null!;

    public required string Split { get => split; init => split = value; }

    [Id(5)] internal readonly IReadOnlyList<FinalRoundResult> rounds = null!;

    public required IReadOnlyList<FinalRoundResult> Rounds { get => rounds; init => rounds = value; }

    [Id(6)] internal readonly int trainings;

    public required int Trainings { get => trainings; init => trainings = value; }

    [Id(7)] internal readonly IReadOnlyList<TransferResult> transfer = [];

    /// <summary>
    /// The test table's arms retrained in each transfer setting (<c>finalStage.transfer</c>), in the spec's order.
    /// </summary>
    public IReadOnlyList<TransferResult> Transfer { get => transfer; init => transfer = value; }
}
