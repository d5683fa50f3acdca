using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Search;

public sealed class OperatorEffectTests
{
    [Fact]
    public void Each_operators_children_are_compared_with_their_parents()
    {
        List<HistoryEntry> history =
        [
            Entry(0, "a", 0.5, "random"),
            Entry(1, "b", 0.7, "random"),
            Entry(2, "c", 0.6, "mutation", "a"),
            Entry(3, "d", 0.8, "mutation", "b"),
            Entry(4, "e", 0.4, "mutation", "a"),
            Entry(5, "f", 0.9, "mutation", "gone"),
            Entry(6, "g", 0.1, "mutation", "b") with { Status = EvaluationStatus.Failed },
            Entry(7, "c", 0.65, "mutation", "a") with { Rung = 1 },
        ];

        var effects = OperatorEffect.Of(history);

        Assert.Equal(["random", "mutation"], effects.Select(e => e.Operator));
        var random = effects[0];
        Assert.Equal(2, random.Children);
        Assert.True(double.IsNaN(random.ParentCorrelation) && double.IsNaN(random.ImprovedShare));
        Assert.Equal(0.6, random.MeanFitness, 12);
        var mutation = effects[1];
        // c, d and e: a child of a parent missing from the history, a failure and a second rung do not count.
        Assert.Equal(3, mutation.Children);
        Assert.Equal(2.0 / 3, mutation.ImprovedShare, 12);
        Assert.Equal(0.1 / 3, mutation.MeanChange, 12);
        // Ranks: children (2, 3, 1) against parents (1.5, 3, 1.5).
        Assert.Equal(Math.Sqrt(3) / 2, mutation.ParentCorrelation, 12);
    }

    private static HistoryEntry Entry(long index, string hash, double fitness, string op, params string[] parents) =>
        new HistoryEntry { Index = index, Island = 0, Hash = hash, Expression = "p", Loss = new LossText("p", "sum", 0), Genome = "", Fitness = fitness, Status = EvaluationStatus.Completed, Seconds = 1, Operator = op, Parents = parents, Failure = null, Shared = false, CompletedAt = DateTimeOffset.UnixEpoch };
}
