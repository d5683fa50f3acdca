using EvoGrains.Core.Evolution;

namespace EvoGrains.Core.Tests.Evolution;

public sealed class CmaEsStageTests
{
    private static readonly double[] Target = [3, -2, 0.5];

    // Higher is better, like a validation accuracy; the optimum is at Target.
    private static double Fitness(double[] x) => -x.Select((v, i) => (v - Target[i]) * (v - Target[i])).Sum();

    [Fact]
    public void A_generation_is_told_only_once_all_its_points_are_back_in_any_order()
    {
        var stage = new CmaEsStage([0, 0, 0], sigma: 1, populationSize: 4, generations: 5, seed: 1);
        var drawn = Enumerable.Range(0, 4).Select(_ => stage.Next()!.Value).ToList();
        Assert.True(stage.IsWaiting);
        Assert.Null(stage.Next());

        for (var i = 0; i < drawn.Count; i++)
        {
            stage.Proposed(drawn[i].Slot, (ulong)i);
        }

        stage.Report(3, Fitness(drawn[3].Point));
        stage.Rejected(drawn[0].Slot);
        Assert.False(stage.Report(99, 1));
        stage.Report(1, Fitness(drawn[1].Point));
        Assert.Equal(0, stage.Generation);
        Assert.False(stage.Report(1, 0.5));
        stage.Report(2, Fitness(drawn[2].Point));

        Assert.Equal(1, stage.Generation);
        Assert.False(stage.IsWaiting);
        Assert.NotNull(stage.Next());
    }

    [Fact]
    public void Stages_fed_asynchronously_climb_a_synthetic_landscape_and_stop_after_their_generations()
    {
        var stage = new CmaEsStage([0, 0, 0], sigma: 1, populationSize: 8, generations: 40, seed: 4);
        var first = double.NaN;
        var random = new Random(2);
        var outstanding = new List<(double[] Point, ulong Hash)>();
        ulong hashes = 0;
        while (!stage.IsDone)
        {
            // Two in flight, answered in random order: the way trainers return results.
            while (outstanding.Count < 2 && stage.Next() is { } draw)
            {
                stage.Proposed(draw.Slot, ++hashes);
                outstanding.Add((draw.Point, hashes));
            }

            var answered = outstanding[random.Next(outstanding.Count)];
            outstanding.Remove(answered);
            stage.Report(answered.Hash, Fitness(answered.Point));
            if (stage.Generation == 1 && double.IsNaN(first))
            {
                first = -stage.Best!.Fitness;
            }
        }

        Assert.Equal(40, stage.Generation);
        Assert.True(-stage.Best!.Fitness > first + 1, $"best {-stage.Best.Fitness:F4} after 40 generations vs {first:F4} after one");
        Assert.True(-stage.Best.Fitness > -0.01, $"best {-stage.Best.Fitness:F4}");
    }
}
