using EvoGrains.Core.Screening;

namespace EvoGrains.Core.Evolution;

/// <summary>
/// NLFS's regularized (aging) evolution: seed with random screened losses and keep the best
/// <c>PopulationSize</c>; then draw a tournament with replacement, mutate the fittest once, and let
/// the child replace the oldest member (ties: the least fit). No crossover, no elitism.
/// </summary>
public sealed class RegularizedEvolution(GenomeSpace space, ScreeningFunnel funnel, int populationSize, int tournamentSize, int seedEvaluations)
    : SearchStrategy(funnel)
{
    private readonly List<Member> population = [];

    public override string Method => "regularized-evolution";

    public override IReadOnlyList<Member> Members => population;

    protected override void Replace(Member old, Member updated) => ReplaceIn(population, old, updated);

    public bool IsSeeding => Reported < seedEvaluations || population.Count == 0;

    protected override (Genome, string, IReadOnlyList<string>) Breed(Random random)
    {
        if (IsSeeding)
        {
            return (space.Random(random), "random", []);
        }

        var parent = Tournament(population, tournamentSize, random);
        return (space.Mutate(parent.Candidate.Genome, random), "mutation", [parent.Hash]);
    }

    protected override void Absorb(Member member)
    {
        population.Add(member);
        if (Reported <= seedEvaluations)
        {
            // While seeding, keep the best; once seeding ends, age decides.
            if (population.Count > populationSize)
            {
                population.Remove(population.MinBy(m => m.Rank)!);
            }

            return;
        }

        if (population.Count > populationSize)
        {
            var oldest = population.Min(m => m.Birth);
            population.Remove(population.Where(m => m.Birth == oldest).MinBy(m => m.Rank)!);
        }
    }
}
