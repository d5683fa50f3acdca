using EvoGrains.Core.Analysis;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Runs;

/// <summary>
/// A hall-of-fame loss with what Core says it is (one-hot halves, nearest known loss), worked out once for the report
/// and the plots.
/// </summary>
public sealed record DescribedLoss(int Rank, HallOfFameEntry Entry, LossFunction Loss, NearestKnownLoss? Nearest)
{
    /// <summary>The plot of its halves beside CE and the nearest known loss, in the run folder.</summary>
    public string PlotFile => $"one-hot-{Rank}.png";

    /// <summary>Every entry of the hall of fame, best first, ranked from 1.</summary>
    public static IReadOnlyList<DescribedLoss> Of(IReadOnlyList<HallOfFameEntry> hallOfFame) =>
        [.. hallOfFame.Select((entry, i) =>
        {
            var loss = entry.Loss.ToLoss();
            return new DescribedLoss(i + 1, entry, loss, KnownLossFinder.Find(loss));
        })];
}
