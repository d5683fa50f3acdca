using EvoGrains.Core.Evolution;

namespace EvoGrains.Core.Search.Islands;

/// <summary>Which island receives an island's emigrants: only islands whose genomes it can read.</summary>
public static class MigrationTopology
{
    /// <summary>The next taker round the ring, or a random taker; null when no other island can take them.</summary>
    public static int? Neighbour(SearchSpec spec, int island, Random random)
    {
        var count = spec.Islands.Count;
        var takers = Enumerable.Range(1, Math.Max(0, count - 1))
            .Select(step => (island + step) % count)
            .Where(other => StrategyFactory.CanExchange(spec.Islands, island, other))
            .ToList();
        if (takers.Count == 0)
        {
            return null;
        }

        return spec.Migration.Topology == "random" ? takers[random.Next(takers.Count)] : takers[0];
    }
}
