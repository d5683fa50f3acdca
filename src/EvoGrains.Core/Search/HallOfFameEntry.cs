using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Search;

/// <summary>One of the best losses of a search: its identity, text, trainable loss, fitness and where it came from.</summary>
public sealed record HallOfFameEntry(string Hash, string Expression, LossText Loss, double Fitness, int Island, string Operator, IReadOnlyList<string> Parents)
{
    public static HallOfFameEntry Of(HistoryEntry entry) =>
        new(entry.Hash, entry.Expression, entry.Loss, entry.Fitness, entry.Island, entry.Operator, entry.Parents);
}
