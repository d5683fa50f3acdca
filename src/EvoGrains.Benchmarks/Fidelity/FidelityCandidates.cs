using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Book;

namespace EvoGrains.Benchmarks.Fidelity;

/// <summary>
/// The losses the fidelity benchmark ranks: the spec's final-stage baselines (CE always among them) and the first
/// screened, non-duplicate candidates the spec's random control would propose in its space (seeded by the spec's
/// seed), which is also how every island seeds its population.
/// </summary>
public static class FidelityCandidates
{
    public static IReadOnlyList<FidelityLoss> Sample(SearchSpec spec, int candidates)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(candidates);
        var losses = FinalStage.Baselines(spec.FinalStage)
            .Select(b => new FidelityLoss(b.Name, LossZoo.Get(b.Name), true))
            .ToList();
        var control = spec with { Islands = spec.Islands with { Count = 1, Methods = ["random"] } };
        var strategy = StrategyFactory.Create(control, 0, new ScreeningFunnel());
        var random = new Random(spec.Seed);
        for (var i = 0; i < candidates; i++)
        {
            var candidate = strategy.Propose(random)
                ?? throw new InvalidOperationException(
                    $"the '{spec.Islands.Space}' space gave no new screened candidate after {i} (2500 draws in a "
                    + "row rejected or duplicates)");
            losses.Add(new FidelityLoss(candidate.Loss.HashHex, candidate.Loss, false));
        }

        return losses;
    }
}
