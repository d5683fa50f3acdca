using Orleans;

namespace EvoGrains.Core.Search.Book;

/// <summary>
/// The final stage in progress: the round being trained (<see cref="Round"/> equal to the number of rounds is
/// the test round), its arms and the results in so far by job id, and the finished rounds.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.final-stage-record")]
public sealed record FinalStageRecord(
    [Id(0)] int Round,
    [Id(1)] IReadOnlyList<ComparisonArm> Arms,
    [Id(2)] IReadOnlyDictionary<string, EvaluationResult> Results,
    [Id(3)] IReadOnlyList<FinalRoundResult> Finished);
