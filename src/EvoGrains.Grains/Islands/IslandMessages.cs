using EvoGrains.Abstractions;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Islands;

namespace EvoGrains.Grains.Islands;

/// <summary>The island runtime's values in the form other grains receive and storage keeps.</summary>
internal static class IslandMessages
{
    public static CandidateTicket Ticket(PendingEvaluation pending) =>
        new(
            pending.Hash, pending.Stored.Genome, LossText.From(pending.Candidate.Loss),
            pending.Candidate.Loss.ToString(), pending.Stored.Operator, pending.Stored.Parents);

    public static HistoryEntry Record(int island, IslandResult result) => new()
    {
        Index = -1,
        Island = island,
        Hash = result.Hash,
        Expression = result.Expression,
        Loss = LossText.From(result.Loss),
        Genome = result.Candidate.Genome,
        Fitness = result.Result.Fitness,
        Status = result.Result.Status,
        Seconds = result.Result.Seconds,
        Operator = result.Candidate.Operator,
        Parents = result.Candidate.Parents,
        Failure = result.Result.Failure,
        Shared = result.Shared,
        CompletedAt = result.CompletedAt,
        Permanent = result.Result.Permanent,
        Rung = result.Rung,
        Steps = result.Steps,
        Seeds = result.Result.Seeds,
        Spread = result.Result.Spread,
        Sequence = result.Sequence,
    };

    public static IslandResult Result(HistoryEntry record) => new(
        record.Hash, record.Expression, record.Loss.ToLoss(),
        new StoredCandidate(record.Genome, record.Operator, [.. record.Parents]),
        new EvaluationResult(record.Fitness, record.Status, record.Seconds, record.Failure)
        {
            Permanent = record.Permanent, Seeds = record.Seeds, Spread = record.Spread,
        },
        record.Shared, record.CompletedAt)
    {
        Rung = record.Rung, Steps = record.Steps, Sequence = record.Sequence,
    };

}
