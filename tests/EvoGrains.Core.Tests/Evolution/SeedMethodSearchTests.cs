using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Evolution;

/// <summary>The glo and taylorglo strategies driven the way an island drives them: propose when a slot frees, report as results arrive.</summary>
public sealed class SeedMethodSearchTests
{
    private static readonly ScreeningFunnel Funnel = new();

    /// <summary>Keeps <paramref name="inFlight"/> candidates out and answers the oldest first; returns every (candidate, fitness) reported.</summary>
    private static List<(Candidate Candidate, double Fitness)> Drive(SearchStrategy strategy, IFitnessEvaluatorLike evaluate, int results, int inFlight = 3, int seed = 1)
    {
        var random = new Random(seed);
        var outstanding = new Queue<Candidate>();
        var reported = new List<(Candidate, double)>();
        while (reported.Count < results)
        {
            while (outstanding.Count < inFlight && strategy.Propose(random) is { } candidate)
            {
                outstanding.Enqueue(candidate);
            }

            Assert.NotEmpty(outstanding);
            var next = outstanding.Dequeue();
            var fitness = evaluate(next.Loss);
            strategy.Report(next, fitness);
            reported.Add((next, fitness));
        }

        return reported;
    }

    private delegate double IFitnessEvaluatorLike(LossFunction loss);

    [Fact]
    public void Taylorglo_climbs_a_landscape_it_can_express_and_never_trains_a_vector_the_invariant_rejects()
    {
        var evaluator = new SyntheticEvaluator(reference: LossZoo.Get("taylorglo-mnist"));
        var strategy = new TaylorGloSearch(Funnel, new CmaEsSpec { PopulationSize = 20, Sigma = 1.2, Generations = 100 }, classes: 10, keep: 10, seed: 5);

        var reported = Drive(strategy, loss => evaluator.Evaluate(loss).Fitness, results: 400);

        Assert.All(reported, r => Assert.Null(TaylorGloInvariant.Violation(((ParameterGenome)r.Candidate.Genome).Parameters, 10)));
        Assert.All(reported, r => Assert.Equal("cma-es", r.Candidate.Operator));
        Assert.True(strategy.Statistics.RejectedAt(ScreeningStage.Validity) > 0, "CMA-ES around zero draws vectors the invariant rejects");
        var first = reported.Take(20).Average(r => r.Fitness);
        var last = reported.TakeLast(20).Average(r => r.Fitness);
        Assert.True(last > first + 0.2, $"mean fitness of the last 20 results {last:F3} vs the first 20 {first:F3}");
        Assert.True(reported.Max(r => r.Fitness) > 0.95, $"best {reported.Max(r => r.Fitness):F3}");
        Assert.True(strategy.Generation > 10, $"generation {strategy.Generation}");
    }

    [Fact]
    public void Taylorglo_waits_while_a_generation_is_out_instead_of_counting_itself_exhausted()
    {
        var strategy = new TaylorGloSearch(Funnel, new CmaEsSpec { PopulationSize = 4 }, classes: 10, keep: 5, seed: 1);
        var random = new Random(1);
        var out1 = new List<Candidate>();
        while (strategy.Propose(random) is { } candidate)
        {
            out1.Add(candidate);
        }

        Assert.True(strategy.IsWaiting);
        Assert.InRange(out1.Count, 1, 4);
        foreach (var candidate in out1)
        {
            strategy.Report(candidate, 0.5);
        }

        Assert.Equal(1, strategy.Generation);
        Assert.NotNull(strategy.Propose(random));
    }

    [Fact]
    public void Glo_tunes_the_best_structure_with_cma_es_and_the_tuned_losses_join_with_their_lineage()
    {
        // A structure a few coefficients away from Baikal, which the synthetic fitness rewards.
        var evaluator = new SyntheticEvaluator();
        var structure = LossFunction.Parse("-(log(p) - 3 * y / sq(p))");
        var strategy = new GloSearch(new TreeSpace(OperatorSet.Glo, 4), Funnel, populationSize: 30, tournamentSize: 3, elites: 2, new CmaEsSpec { Every = 1, PopulationSize = 10, Sigma = 0.3, Generations = 12 }, seed: 5);
        var verdict = Funnel.Screen(structure);
        Assert.True(verdict.Accepted, verdict.Reason);
        var seeded = new Candidate(new TreeGenome(verdict.Loss.Element), verdict, "seed", []);
        var start = evaluator.Evaluate(seeded.Loss).Fitness;
        strategy.Report(seeded, start);

        // 110 results stay inside the first stage (12 generations of 10).
        var reported = Drive(strategy, loss => evaluator.Evaluate(loss).Fitness, results: 110);

        var tuned = reported.Where(r => r.Candidate.Operator == GloSearch.TuningOperator).ToList();
        Assert.True(tuned.Count >= 80, $"{tuned.Count} of 110 results came from the stage");
        Assert.All(tuned, r => Assert.Equal([seeded.Loss.HashHex], r.Candidate.Parents));
        Assert.All(tuned, r => Assert.IsType<TreeGenome>(r.Candidate.Genome));
        var best = tuned.Max(r => r.Fitness);
        Assert.True(best > start + 0.02, $"best tuned {best:F4} vs the structure's {start:F4}");
        Assert.Contains(strategy.Members, m => m.Candidate.Operator == GloSearch.TuningOperator && m.Fitness == best);
        Assert.True(strategy.Stage!.Generation >= 10);
    }

    [Fact]
    public void Glo_breeds_with_glo_operators_only()
    {
        var strategy = new GloSearch(new TreeSpace(OperatorSet.Glo, 4), Funnel, 10, 3, 1, new CmaEsSpec { Every = 1000 }, seed: 1);
        var evaluator = new SyntheticEvaluator();

        var reported = Drive(strategy, loss => evaluator.Evaluate(loss).Fitness, results: 40);

        var allowed = OperatorCatalog.GloUnary.Concat(OperatorCatalog.GloBinary).Concat([Op.Y, Op.P, Op.Const]).ToHashSet();
        Assert.All(reported, r => Assert.All(Nodes(((TreeGenome)r.Candidate.Genome).Tree), node => Assert.Contains(node.Op, allowed)));
        Assert.Equal("glo", strategy.Method);
    }

    private static IEnumerable<Expr> Nodes(Expr expr) => expr.Children.SelectMany(Nodes).Prepend(expr);
}
