using EvoGrains.Core.Search;

namespace EvoGrains.Grains.Tests.Searching;

/// <summary>Small synthetic searches: three islands (one per method) in the tree space, so gp is allowed.</summary>
internal static class TestSpecs
{
    public static SearchSpec Synthetic(string name, int evaluations, int delayMs, int trainers = 4) => new()
    {
        Name = name,
        Seed = 7,
        Islands = new IslandSpec
        {
            Count = 3,
            Methods = ["regularized-evolution", "gp", "random"],
            Space = "tree",
            MaxDepth = 4,
            PopulationSize = 10,
            TournamentSize = 3,
            SeedEvaluations = 10,
            Elites = 1,
            InFlight = 3,
        },
        Migration = new MigrationSpec { Every = 10, Count = 2, Topology = "ring" },
        Budget = new BudgetSpec { MaxEvaluations = evaluations },
        Evaluation = new EvaluationSpec { Evaluator = "synthetic", SyntheticDelayMs = delayMs },
        Trainers = new TrainerSpec { Count = trainers, LeaseSeconds = 2 },
        FinalStage = new FinalStageSpec { TopK = 2, Steps = 10, Seeds = 3, Baselines = ["ce", "focal"], Tune = [] },
    };
}
