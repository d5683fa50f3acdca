using EvoGrains.Core.Screening;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Core.Evolution;

/// <summary>
/// Steady-state GP (GLO/NGL style): tournament selection, subtree crossover with probability
/// <c>crossoverRate</c> then point/subtree/hoist mutation, and replacement of a weak non-elite member.
/// The best <c>elites</c> are never replaced.
/// </summary>
public class GeneticProgramming(
    GenomeSpace space,
    ScreeningFunnel funnel,
    int populationSize,
    int tournamentSize,
    int elites,
    double crossoverRate = 0.9,
    double mutationRate = 0.2) : SearchStrategy(funnel)
{
    private readonly List<Member> population = [];

    public override string Method => MethodRegistry.GeneticProgramming.Name;

    public override IReadOnlyList<Member> Members => population;

    protected override void Replace(Member old, Member updated) => ReplaceIn(population, old, updated);

    protected override (Genome, string, IReadOnlyList<string>) Breed(Random random)
    {
        if (population.Count < populationSize)
        {
            return (space.Random(random), "random", []);
        }

        var first = Tournament(population, tournamentSize, random);
        if (space.SupportsCrossover && random.NextDouble() < crossoverRate)
        {
            var second = Tournament(population, tournamentSize, random);
            var child = space.Crossover(first.Candidate.Genome, second.Candidate.Genome, random);
            return random.NextDouble() < mutationRate
                ? (space.Mutate(child, random), "crossover+mutation", [first.Hash, second.Hash])
                : (child, "crossover", [first.Hash, second.Hash]);
        }

        return (space.Mutate(first.Candidate.Genome, random), "mutation", [first.Hash]);
    }

    protected override void Absorb(Member member)
    {
        population.Add(member);
        if (population.Count <= populationSize)
        {
            return;
        }

        var replaceable = population.OrderByDescending(m => m.Rank).ThenBy(m => m.Birth).Skip(elites).ToList();
        population.Remove(replaceable.MinBy(m => m.Rank)!);
    }
}
