namespace EvoGrains.Core.Search.Book;

/// <summary>
/// The final stage in progress: the round being trained (<see cref="Round"/> equal to the number of rounds is
/// the test round), its arms and the results in so far by job id, and the finished rounds.
/// </summary>
public sealed record FinalStageRecord(
    int Round,
    IReadOnlyList<ComparisonArm> Arms,
    IReadOnlyDictionary<string, EvaluationResult> Results,
    IReadOnlyList<FinalRoundResult> Finished);
