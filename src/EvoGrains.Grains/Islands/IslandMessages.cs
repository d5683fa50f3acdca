using EvoGrains.Abstractions;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Islands;

namespace EvoGrains.Grains.Islands;

/// <summary>The island runtime's values in the form other grains receive and storage keeps.</summary>
internal static class IslandMessages
{
    public static CandidateTicket Ticket(Candidate candidate) =>
        new(candidate.Loss.HashHex, candidate.Genome.Encode(), LossText.From(candidate.Loss), candidate.Loss.ToString(), candidate.Operator, candidate.Parents.ToArray());

    public static EvaluationResult Result(EvaluationOutcome outcome) => new(outcome.Fitness, (EvaluationStatus)outcome.Status, outcome.Seconds, outcome.Failure);

    public static HistoryRecord Record(int island, IslandResult result) => new(
        -1, island, result.Hash, result.Expression, LossText.From(result.Loss), result.Candidate.Genome, result.Result.Fitness, (OutcomeStatus)result.Result.Status,
        result.Result.Seconds, result.Candidate.Operator, result.Candidate.Parents, result.Result.Failure, result.Shared, result.CompletedAt);

    public static IslandResult Result(HistoryRecord record) => new(
        record.Hash, record.Expression, record.Loss.ToLoss(), new StoredCandidate(record.Genome, record.Operator, record.Parents),
        new EvaluationResult(record.Fitness, (EvaluationStatus)record.Status, record.Seconds, record.Failure), record.Shared, record.CompletedAt);

    public static MigrantRecord Record(Migrant migrant) => new(migrant.Candidate.Genome, migrant.Candidate.Operator, migrant.Candidate.Parents, migrant.Fitness);

    public static Migrant Migrant(MigrantRecord record) => new(new StoredCandidate(record.Genome, record.Operator, record.Parents), record.Fitness);

    public static IslandStatus Status(IslandProgress p) => new(
        p.Island, p.Method, p.PopulationSize, p.BestFitness, p.BestExpression, p.Diversity, p.Evaluations, p.InFlight,
        p.RejectedByScreening, p.Duplicates, p.SharedResults, p.MigrantsReceived, p.Exhausted);
}
