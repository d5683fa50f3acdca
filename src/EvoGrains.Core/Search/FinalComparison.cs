namespace EvoGrains.Core.Search;

/// <summary>
/// The final stage's outcome: the elimination <see cref="Rounds"/> (validation numbers), then the table of the
/// survivors and the baselines retrained <see cref="Seeds"/> times for <see cref="Steps"/> steps, measured on
/// <see cref="Split"/> ("test"), and one table per transfer setting (<see cref="Transfer"/>). <see cref="Trainings"/> counts
/// every final-stage training, rounds and transfer settings included.
/// </summary>
public sealed record FinalComparison
{
    public const string Test = "test";

    public const string Validation = "validation";

    public required int Steps { get; init; }

    public required int Seeds { get; init; }

    public required IReadOnlyList<ComparisonRow> Rows { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }

    public required string Split { get; init; }

    public required IReadOnlyList<FinalRoundResult> Rounds { get; init; }

    public required int Trainings { get; init; }

    /// <summary>The test table's arms retrained in each transfer setting (<c>finalStage.transfer</c>), in the spec's order.</summary>
    public IReadOnlyList<TransferResult> Transfer { get; init; } = [];
}
