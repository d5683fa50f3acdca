using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Tests.Cluster;

/// <summary>Small synthetic searches that finish in seconds.</summary>
internal static class TinySpecs
{
    public static SearchSpec Synthetic(int evaluations, int delayMs = 20) => new()
    {
        Name = "tiny",
        Seed = 3,
        Islands = new IslandSpec { Count = 2, Methods = ["regularized-evolution", "random"], PopulationSize = 8, SeedEvaluations = 10, InFlight = 2 },
        Migration = new MigrationSpec { Every = 5, Count = 1 },
        Budget = new BudgetSpec { MaxEvaluations = evaluations },
        Evaluation = new EvaluationSpec { Evaluator = "synthetic", SyntheticDelayMs = delayMs },
        Trainers = new TrainerSpec { Count = 2, LeaseSeconds = 5 },
        FinalStage = new FinalStageSpec { TopK = 2, Steps = 10, Seeds = 2, Baselines = ["ce", "baikal"] },
    };

    /// <summary>A 4-evaluation random search that trains a tiny MLP for real, with <paramref name="finalStage"/>.</summary>
    public static SearchSpec TinyTraining(FinalStageSpec finalStage) => Synthetic(4) with
    {
        Islands = new IslandSpec { Count = 1, Methods = ["random"], PopulationSize = 4, SeedEvaluations = 4, InFlight = 2 },
        Evaluation = new EvaluationSpec { Evaluator = "training", Model = "mlp", Steps = 30, BatchSize = 32, TrainSubset = 400, ValidationSize = 200 },
        FinalStage = finalStage,
    };

    public static string WriteTo(string folder, SearchSpec spec)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "spec-in.json");
        File.WriteAllText(path, SearchSpecJson.Write(spec));
        return path;
    }

    public static string TempFolder() => Path.Combine(Path.GetTempPath(), "evograins-cli-" + Guid.NewGuid().ToString("N"));
}
