using EvoGrains.Cli.Cluster;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Tests.Cluster;

/// <summary>glo and taylorglo islands in one local run, training tiny MLPs on the real Fashion-MNIST.</summary>
[Trait("Category", "Integration")]
public sealed class SeedMethodsLocalRunTests
{
    private const int Budget = 36;

    [Fact]
    public async Task Glo_and_taylorglo_islands_search_side_by_side_on_fashion_mnist()
    {
        var folder = TinySpecs.TempFolder();
        var spec = new SearchSpec
        {
            Name = "seed-methods-test",
            Seed = 5,
            Islands = new IslandSpec
            {
                Count = 2,
                Methods = ["glo", "taylorglo"],
                MaxDepth = 4,
                PopulationSize = 8,
                TournamentSize = 3,
                Elites = 1,
                InFlight = 2,
                CmaEs = new CmaEsSpec { Every = 6, PopulationSize = 4, Sigma = 1.2, Generations = 3 },
            },
            Migration = new MigrationSpec { Count = 0 },
            Budget = new BudgetSpec { MaxEvaluations = Budget },
            Evaluation = new EvaluationSpec { Dataset = "fashion-mnist", Model = "mlp", Steps = 40, BatchSize = 64, LearningRate = 3e-3, WarmupSteps = 5, TrainSubset = 2000, ValidationSize = 500 },
            Trainers = new TrainerSpec { Count = 2, LeaseSeconds = 60 },
            FinalStage = new FinalStageSpec { TopK = 1, Steps = 40, Seeds = 1, Baselines = ["ce"] },
        };
        try
        {
            var run = await Task.Run(() => LocalSearch.RunAsync(folder, spec, new CliConsole(TextWriter.Null, TextWriter.Null), new ProgressOutput(false, ProgressOutput.DefaultInterval), CancellationToken.None));

            Assert.NotNull(run);
            Assert.Equal("Completed", run.Status);
            Assert.Equal(Budget, run.History.Count);
            var glo = run.History.Where(h => h.Island == 0).ToList();
            var taylor = run.History.Where(h => h.Island == 1).ToList();
            Assert.NotEmpty(taylor);
            Assert.All(taylor, h => Assert.Equal(GloSearch.TuningOperator, h.Operator));

            // Trained on real images: the best of each island beats chance (10 classes) by far.
            Assert.True(glo.Max(h => h.Fitness) > 0.4, $"glo best {glo.Max(h => h.Fitness):F3}");
            Assert.True(taylor.Max(h => h.Fitness) > 0.2, $"taylorglo best {taylor.Max(h => h.Fitness):F3}");

            // GLO's second stage ran: tuned losses whose parent is a structure the island evaluated.
            var tuned = glo.Where(h => h.Operator == GloSearch.TuningOperator).ToList();
            var structures = glo.Where(h => h.Operator != GloSearch.TuningOperator).Select(h => h.Hash).ToHashSet();
            Assert.NotEmpty(tuned);
            Assert.All(tuned, h => Assert.Contains(Assert.Single(h.Parents), structures));
            Assert.True(File.Exists(Path.Combine(folder, "report.md")));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
