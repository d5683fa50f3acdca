using EvoGrains.Benchmarks.Fidelity;
using EvoGrains.Core.Search;

namespace EvoGrains.Benchmarks.Tests.Fidelity;

public sealed class FidelityBudgetTests
{
    [Fact]
    public void The_first_rung_is_rung_zero_with_the_search_s_seeds()
    {
        var spec = new SearchSpec
        {
            Seed = 9,
            Evaluation = new EvaluationSpec { Steps = 600, Seeds = 1, Rungs = [new RungSpec { Steps = 100, Seeds = 2 }, new RungSpec { Steps = 600, Seeds = 4 }] },
        };

        var (evaluation, budget) = FidelityBenchmark.FirstRung(spec);
        var (plain, plainBudget) = FidelityBenchmark.FirstRung(spec with { Evaluation = new EvaluationSpec { Steps = 150, Seeds = 3 } });

        Assert.Equal((100, 2, false), (evaluation.Steps, evaluation.Seeds, evaluation.MeasureOnTestSet));
        Assert.Equal([9, 10], budget.Seeds);
        Assert.Equal("validation", budget.Split);
        Assert.Equal(150, plain.Steps);
        Assert.Equal([9, 10, 11], plainBudget.Seeds);
    }

    [Fact]
    public void The_final_budget_is_the_test_round_after_any_elimination_rounds()
    {
        var spec = new SearchSpec
        {
            Seed = 9,
            Evaluation = new EvaluationSpec { Steps = 200, TrainSubset = 5000 },
            FinalStage = new FinalStageSpec
            {
                Steps = 1000,
                Rounds = [new FinalRoundSpec { Keep = 3, Steps = 300, Seeds = 2, TrainSubset = 2000 }],
            },
        };

        var (evaluation, budget) = FidelityBenchmark.Final(spec, 4);

        // The test round trains the final steps on the evaluation's images (a round's trainSubset is that round's only).
        Assert.Equal((1000, 5000, true), (evaluation.Steps, evaluation.TrainSubset, evaluation.MeasureOnTestSet));
        Assert.Equal([1009, 1010, 1011, 1012], budget.Seeds);
        Assert.Equal("test", budget.Split);
    }
}
