using EvoGrains.Core.Screening;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Core.Evolution;

/// <summary>
/// NLFS's regularized (aging) evolution: seed with random screened losses and keep the best
/// <c>PopulationSize</c>; then draw a tournament with replacement, mutate the fittest once, and let
/// the child replace the oldest member (ties: the least fit). No crossover, no elitism.
/// With a <paramref name="proposalPool"/> above 1 it is <see cref="MethodRegistry.SurrogateEvolution"/>: every proposal
/// is the one of that many screened children (or seeds) that a <see cref="PhenotypeSurrogate"/> of the results so far
/// predicts fittest.
/// </summary>
public sealed class RegularizedEvolution(
    GenomeSpace space,
    ScreeningFunnel funnel,
    int populationSize,
    int tournamentSize,
    int seedEvaluations,
    int proposalPool = 1)
    : SearchStrategy(funnel, proposalPool)
{
    /// <summary>Screened children the surrogate chooses from, per proposal.</summary>
    public const int SurrogatePool = 8;

    private readonly List<Member> population = [];

    public override string Method =>
        (Surrogate is null ? MethodRegistry.RegularizedEvolution : MethodRegistry.SurrogateEvolution).Name;

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
