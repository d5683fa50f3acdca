namespace EvoGrains.Core.Search;

/// <summary>
/// The final stage's outcome: the elimination <see cref="Rounds"/> (validation numbers), then the table of the
/// survivors and the baselines retrained <see cref="Seeds"/> times for <see cref="Steps"/> steps, measured on
/// <see cref="Split"/> ("test"), and one table per transfer setting (<see cref="Transfer"/>). <see cref="Trainings"/> counts
/// every final-stage training, rounds and transfer settings included.
/// </summary>
public sealed record FinalComparison(
    int Steps,
    int Seeds,
    IReadOnlyList<ComparisonRow> Rows,
    DateTimeOffset CompletedAt,
    string Split,
    IReadOnlyList<FinalRoundResult> Rounds,
    int Trainings)
{
    public const string Test = "test";

    public const string Validation = "validation";

    /// <summary>The test table's arms retrained in each transfer setting (<c>finalStage.transfer</c>), in the spec's order.</summary>
    public IReadOnlyList<TransferResult> Transfer { get; init; } = [];
}
