using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;
using EvoGrains.TestSupport.Search;

namespace EvoGrains.Core.Tests.Search;

public sealed class SearchRunnerTests
{
    private static readonly ScreeningFunnel Funnel = new();

    [Fact]
    public async Task Same_seed_gives_the_same_history()
    {
        var first = await Run(seed: 11, evaluations: 60);
        var second = await Run(seed: 11, evaluations: 60);
        var other = await Run(seed: 12, evaluations: 60);

        Assert.Equal(60, first.History.Count);
        Assert.Equal(first.History.Select(h => (h.Hash, h.Fitness)), second.History.Select(h => (h.Hash, h.Fitness)));
        Assert.NotEqual(first.History.Select(h => h.Hash), other.History.Select(h => h.Hash));
    }

    [Fact]
    public async Task Regularized_evolution_climbs_above_random_search()
    {
        double evolved = 0, random = 0;
        foreach (var seed in new[] { 1, 2, 3 })
        {
            evolved += LateMean(await Run(seed, 400));
            random += LateMean(await Run(seed, 400, s => new RandomSearch(s, Funnel, keep: 20)));
        }

        Assert.True(evolved > random + 0.05, $"late mean fitness: evolution {evolved / 3:F3}, random {random / 3:F3}");
    }

    [Fact]
    public async Task Surrogate_evolution_proposes_fitter_children_than_plain_evolution_at_the_same_budget()
    {
        double plain = 0, surrogate = 0;
        foreach (var seed in new[] { 1, 2, 3 })
        {
            plain += LateMean(await Run(seed, 200));
            var assisted = await Run(seed, 200, s => new RegularizedEvolution(s, Funnel, populationSize: 20, tournamentSize: 5, seedEvaluations: 40, RegularizedEvolution.SurrogatePool));
            surrogate += LateMean(assisted);
            Assert.Equal("surrogate-evolution", assisted.Strategy.Method);
            Assert.Equal(200, assisted.Strategy.Surrogate!.Count);
        }

        Assert.True(surrogate > plain + 0.02, $"late mean fitness: surrogate {surrogate / 3:F3}, plain {plain / 3:F3}");
    }

    [Fact]
    public async Task Aging_population_keeps_its_size_and_retires_the_oldest()
    {
        var runner = await Run(seed: 5, evaluations: 120);
        var members = runner.Strategy.Members;

        Assert.Equal(20, members.Count);
        // After 120 results with 20 members, everyone alive was born in the last 20 steps.
        Assert.All(members, m => Assert.True(m.Birth >= 100, $"member born at {m.Birth} should have aged out"));
    }

    [Fact]
    public async Task Gp_never_loses_its_best_member()
    {
        var space = new TreeSpace(OperatorSet.Full, maxDepth: 5);
        var strategy = new GeneticProgramming(space, Funnel, populationSize: 20, tournamentSize: 4, elites: 2);
        var runner = new SearchRunner(strategy, new SyntheticEvaluator(), seed: 3);
        var bestSoFar = double.NegativeInfinity;
        for (var round = 0; round < 8; round++)
        {
            await runner.RunAsync(20);
            bestSoFar = Math.Max(bestSoFar, runner.History.Max(h => h.Fitness));
            Assert.Equal(bestSoFar, strategy.Best!.Fitness);
        }
    }

    [Fact]
    public async Task Hall_of_fame_holds_the_best_distinct_losses_in_order()
    {
        var runner = await Run(seed: 8, evaluations: 80);
        var hall = runner.HallOfFame.Entries;
        var expected = runner.History.GroupBy(h => h.Hash).Select(g => g.Max(h => h.Fitness)).OrderDescending().Take(hall.Count);

        Assert.Equal(expected, hall.Select(e => e.Fitness));
        Assert.Equal(hall.Count, hall.Select(e => e.Hash).Distinct().Count());
    }

    [Fact]
    public async Task Every_evaluated_candidate_passed_screening_and_is_unique()
    {
        var runner = await Run(seed: 4, evaluations: 100);

        Assert.Equal(100, runner.History.Select(h => h.Hash).Distinct().Count());
        Assert.All(runner.History, h => Assert.True(Funnel.Screen(LossFunction.Parse(h.Expression)).Accepted, h.Expression));
    }

    private static double LateMean(SearchRunner runner) => runner.History.TakeLast(100).Average(h => h.Fitness);

    private static async Task<SearchRunner> Run(int seed, int evaluations, Func<GenomeSpace, SearchStrategy>? strategy = null)
    {
        var space = new CellSpace();
        var chosen = strategy?.Invoke(space) ?? new RegularizedEvolution(space, Funnel, populationSize: 20, tournamentSize: 5, seedEvaluations: 40);
        var runner = new SearchRunner(chosen, new SyntheticEvaluator(), seed);
        await runner.RunAsync(evaluations);
        return runner;
    }
}
