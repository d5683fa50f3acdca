using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Core.Evolution;

/// <summary>
/// TaylorGLO (Gonzalez and Miikkulainen 2021): CMA-ES over the 8 parameters of the third-order
/// Taylor loss, screened by <see cref="TaylorGloInvariant"/> instead of the NLFS funnel (a rejected
/// vector is told the worst fitness and never trained). Asynchronous: each point is proposed when
/// a slot frees and a generation is told once all its points are back; meanwhile the island waits.
/// When a run ends (its generations, or CMA-ES stops) the next starts from the best vector so far.
/// Keeps the best <c>keep</c> evaluated vectors as its population.
/// </summary>
public sealed class TaylorGloSearch(
    ScreeningFunnel funnel,
    CmaEsSpec cmaEs,
    int classes,
    int keep,
    int seed) : SearchStrategy(funnel)
{
    private readonly List<Member> best = [];
    private CmaEsStage? run;
    private int runs;
    private int slot = -1;

    public override string Method => MethodRegistry.TaylorGlo.Name;

    public override IReadOnlyList<Member> Members => best;

    protected override bool ChildrenShareSubtrees => false;

    protected override void Replace(Member old, Member updated) => ReplaceIn(best, old, updated);

    public override bool IsWaiting => CurrentRun().IsWaiting;

    /// <summary>Generations told in the current run.</summary>
    public int Generation => CurrentRun().Generation;

    protected override (Genome, string, IReadOnlyList<string>) Breed(Random random)
    {
        // Propose asks only while not waiting, and a finished run is replaced, so a point is always there.
        var (point, next) = CurrentRun().Next()
            ?? throw new InvalidOperationException("a taylorglo run had no point to hand out");
        slot = next;
        return (new ParameterGenome(point), GloSearch.TuningOperator, []);
    }

    protected override ScreeningVerdict Screen(Genome genome, LossFunction loss) =>
        TaylorGloInvariant.Violation(((ParameterGenome)genome).Parameters, classes) is { } reason
            ? ScreeningVerdict.Reject(ScreeningStage.Validity, reason, loss)
            : new ScreeningVerdict(true, ScreeningStage.Accepted, "", loss);

    protected override ScreeningVerdict Rescreen(Genome genome) => Screen(genome, genome.ToLoss());

    // TaylorGLO's invariant is its whole screen: a parameter vector whose loss drops a term is still in the family.
    protected override ScreeningVerdict? Prescreen(LossFunction loss) => null;

    protected override void OnDiscarded() => run?.Rejected(slot);

    protected override void OnProposed(Candidate candidate) => run?.Proposed(slot, candidate.Loss.Hash);

    protected override void OnReported(Member member) => run?.Report(member.Candidate.Loss.Hash, member.Fitness);

    protected override void Absorb(Member member)
    {
        best.Add(member);
        if (best.Count > keep)
        {
            best.Remove(best.MinBy(m => m.Rank)!);
        }
    }

    private CmaEsStage CurrentRun()
    {
        if (run is { IsDone: false })
        {
            return run;
        }

        var start = Best?.Candidate.Genome is ParameterGenome { } genome
            ? genome.Parameters
            : LossFamily.TaylorGlo.Initial;
        return run = new CmaEsStage(start, cmaEs.Sigma, cmaEs.PopulationSize, cmaEs.Generations, seed + runs++);
    }
}
