using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Core.Evolution;

/// <summary>
/// GLO (Gonzalez and Miikkulainen): steady-state GP over trees with GLO's operators, and its second
/// stage: after every <see cref="CmaEsSpec.Every"/> results the best structure not tuned yet gets a
/// CMA-ES stage over one coefficient per node. Each stage candidate is an ordinary candidate
/// (operator <c>cma-es</c>, parent: the structure) evaluated like any other; its result joins the
/// population and tells the stage. While a generation waits for its results, GP breeds as usual.
/// </summary>
/// <remarks>
/// A stage does not survive reactivation; structures tuned before are recognised by their tuned children.
/// </remarks>
public sealed class GloSearch(
    GenomeSpace space,
    ScreeningFunnel funnel,
    int populationSize,
    int tournamentSize,
    int elites,
    CmaEsSpec cmaEs,
    int seed)
    : GeneticProgramming(space, funnel, populationSize, tournamentSize, elites)
{
    public const string TuningOperator = "cma-es";

    private readonly HashSet<string> tuned = new(StringComparer.Ordinal);
    private CmaEsStage? stage;
    private LossFamily? family;
    private int slot = -1;
    private int stages;
    private long sinceStage;

    public override string Method => MethodRegistry.Glo.Name;

    /// <summary>The running or last stage; null before the first.</summary>
    public CmaEsStage? Stage => stage;

    protected override (Genome, string, IReadOnlyList<string>) Breed(Random random)
    {
        slot = -1;
        if (stage?.Next() is { } draw)
        {
            slot = draw.Slot;
            var loss = family!.Build(draw.Point);
            return (new TreeGenome(loss.Element, loss.Reduction), TuningOperator, [stage.Parent]);
        }

        return base.Breed(random);
    }

    /// <summary>
    /// Stage candidates skip the phenotype check: scaling a loss leaves its normalised curve unchanged, and fine
    /// shape changes are what the stage tunes.
    /// </summary>
    protected override ScreeningVerdict Screen(Genome genome, LossFunction loss) =>
        slot >= 0 ? Funnel.Screen(loss) : base.Screen(genome, loss);

    protected override void OnDiscarded()
    {
        if (slot >= 0)
        {
            stage!.Rejected(slot);
        }
    }

    protected override void OnProposed(Candidate candidate)
    {
        if (slot >= 0)
        {
            stage!.Proposed(slot, candidate.Loss.Hash);
        }
    }

    protected override void Absorb(Member member)
    {
        if (member.Candidate.Operator == TuningOperator)
        {
            tuned.UnionWith(member.Candidate.Parents);
        }

        base.Absorb(member);
    }

    protected override void OnReported(Member member)
    {
        stage?.Report(member.Candidate.Loss.Hash, member.Fitness);
        if (++sinceStage >= cmaEs.Every && stage is not { IsDone: false })
        {
            StartStage();
        }
    }

    private void StartStage()
    {
        var structure = Members.Where(m => m.Candidate.Operator != TuningOperator
            && !tuned.Contains(m.Hash) && !double.IsNaN(m.Fitness)).MaxBy(m => m.Rank);
        if (structure is null)
        {
            return;
        }

        sinceStage = 0;
        tuned.Add(structure.Hash);
        family = LossFamily.PerNodeCoefficients(structure.Candidate.Loss);
        stage = new CmaEsStage(
            family.Initial, cmaEs.Sigma, cmaEs.PopulationSize, cmaEs.Generations, seed + stages++, structure.Hash);
    }
}
