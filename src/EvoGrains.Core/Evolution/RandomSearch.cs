using EvoGrains.Core.Screening;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Core.Evolution;

/// <summary>The control every method is compared with: screened random genomes; keeps the best few.</summary>
public sealed class RandomSearch(GenomeSpace space, ScreeningFunnel funnel, int keep) : SearchStrategy(funnel)
{
    private readonly List<Member> best = [];

    public override string Method => MethodRegistry.Random.Name;

    public override IReadOnlyList<Member> Members => best;

    protected override bool ChildrenShareSubtrees => false;

    protected override void Replace(Member old, Member updated) => ReplaceIn(best, old, updated);

    protected override (Genome, string, IReadOnlyList<string>) Breed(Random random) =>
        (space.Random(random), "random", []);

    protected override void Absorb(Member member)
    {
        best.Add(member);
        if (best.Count > keep)
        {
            best.Remove(best.MinBy(m => m.Rank)!);
        }
    }
}
