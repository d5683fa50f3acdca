using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Search.Book;

/// <summary>Specs, reports and results for the search book's tests.</summary>
internal static class BookFixtures
{
    private static long sequence;

    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static SearchSpec Spec(int budget = 5, int islands = 1, FinalStageSpec? final = null) => new()
    {
        Name = "book",
        Islands = new IslandSpec { Count = islands },
        Budget = new BudgetSpec { MaxEvaluations = budget },
        Evaluation = new EvaluationSpec { Evaluator = "synthetic" },
        FinalStage = final ?? new FinalStageSpec { TopK = 2, Steps = 50, Seeds = 2, Baselines = ["ce", "focal"], Tune = [] },
    };

    /// <summary>
    /// A result of the loss named <paramref name="hash"/>: CE scaled by a factor of its own, so that every hash is another loss.
    /// Each entry takes the next sequence of one counter, so results built in the order they are reported arrive in their
    /// islands' order, as outboxes send them; a test resends a result by sending the same entry again.
    /// </summary>
    public static HistoryEntry Entry(string hash, double fitness, int island = 0) =>
        Entry(hash, LossFunction.Parse(FormattableString.Invariant($"-(y * log(p)) * {1 + (StableHash.Of(hash) % 997)}")), fitness, island);

    public static HistoryEntry Entry(string hash, LossFunction loss, double fitness, int island = 0) => new HistoryEntry { Index = -1, Island = island, Hash = hash, Expression = $"expr-{hash}", Loss = LossText.From(loss), Genome = "", Fitness = fitness, Status = EvaluationStatus.Completed, Seconds = 0.1, Operator = "random", Parents = [], Failure = null, Shared = false, CompletedAt = T0, Sequence = Interlocked.Increment(ref sequence) };

    public static IslandStatus Island(int index, bool exhausted = false, int inFlight = 0) =>
        new IslandStatus { Island = index, Method = "random", PopulationSize = 5, BestFitness = double.NaN, BestExpression = null, Diversity = 1, Evaluations = 0, InFlight = inFlight, RejectedByScreening = 3, Duplicates = 1, SharedResults = 2, MigrantsReceived = 0, Exhausted = exhausted };

    public static EvaluationResult Result(double fitness, double seconds = 1) => new(fitness, EvaluationStatus.Completed, seconds);
}
