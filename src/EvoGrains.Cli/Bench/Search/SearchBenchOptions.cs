using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Cli.Bench.Search;

/// <summary>
/// `bench search`: <see cref="Repeats"/> searches per method, each of <see cref="TrainingSteps"/> training steps, and
/// each winner retrained <see cref="TestSeeds"/> times on the test set.
/// </summary>
public sealed record SearchBenchOptions(
    SearchSpec Spec,
    int Repeats,
    IReadOnlyList<string> Methods,
    long TrainingSteps,
    int TestSeeds)
{
    /// <summary>The method every other is compared with.</summary>
    public static readonly string Control = MethodRegistry.Random.Name;

    /// <summary>The budget in training steps: the spec's, or its evaluations at the first rung's cost.</summary>
    public static long DefaultTrainingSteps(SearchSpec spec) => spec.Budget.MaxTrainingSteps > 0
        ? spec.Budget.MaxTrainingSteps
        : (long)spec.Budget.MaxEvaluations
            * spec.Evaluation.EffectiveRungs[0].Steps
            * spec.Evaluation.EffectiveRungs[0].Seeds;

    /// <summary>
    /// Repeat <paramref name="repeat"/> of <paramref name="method"/>: one island of that method, its own search seed
    /// (the same for every method, so repeat r of each starts from the same seed), the budget in training steps only (a
    /// clock budget would measure the machine), and a final stage that only retrains the winner (and CE) on the test
    /// set.
    /// </summary>
    public SearchSpec For(string method, int repeat) => Spec with
    {
        Name = $"{Spec.Name}-{method}-{repeat + 1}",
        Seed = SearchSeed(repeat),
        Islands = Spec.Islands with { Count = 1, Methods = [method] },
        Migration = Spec.Migration with { Count = 0 },
        Budget = new BudgetSpec { MaxEvaluations = 1_000_000, MaxTrainingSteps = TrainingSteps, MaxMinutes = 0 },
        FinalStage = new FinalStageSpec
        {
            TopK = 1,
            Steps = Spec.FinalStage.Steps,
            Seeds = TestSeeds,
            Baselines = [],
            Tune = [],
            Rounds = [],
        },
    };

    // Far apart, so no search's seeds meet another's test seeds (FinalStage.TestSeed: +1000 and on).
    private int SearchSeed(int repeat) => Spec.Seed + (7919 * (repeat + 1));
}
