using EvoGrains.Cli.Runs;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;
using EvoGrains.TestSupport.TensorBoard;

namespace EvoGrains.Cli.Tests.Runs;

/// <summary>The TensorBoard events of a run folder, read back with an independent TFRecord/protobuf reader.</summary>
public sealed class RunTensorBoardTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "evograins-tensorboard-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Best_and_median_per_island_rate_screening_and_final_accuracies_read_back()
    {
        // Two islands alternate; one evaluation every 6 s (10 per minute); island 0's fourth result failed.
        double[] fitness = [0.50, 0.40, 0.60, 0.45, 0.55, 0.47, 0.10, 0.52, 0.70, 0.48, 0.65, 0.51];
        var history = fitness.Select((f, i) => Entry(i, island: i % 2, f, i == 6 ? EvaluationStatus.Failed : EvaluationStatus.Completed)).ToList();
        ComparisonRow[] final = [Row("ce", [0.81, 0.83, 0.82]), Row("#1", [0.84, 0.86, 0.85])];
        var run = new RunRecord("tb-1", new SearchSpec { Islands = new IslandSpec { Count = 2, PopulationSize = 3 } }, SearchState.Completed, null, history, [], final, null, RejectedByScreening: 28, Deduplicated: 10);

        RunTensorBoard.Write(run, folder);
        var events = TensorBoardEvents.ReadFolder(folder);

        float[] Series(string tag) => events.Where(e => e.Tag == tag).OrderBy(e => e.Step).Select(e => e.Value).ToArray();
        // Island 0 (indexes 0, 2, 4, 8, 10; 6 failed): running best and median of the last three results.
        Assert.Equal([0.50f, 0.60f, 0.60f, 0.70f, 0.70f], Series("fitness/island-0/best"));
        Assert.Equal([0.50f, 0.55f, 0.55f, 0.60f, 0.65f], Series("fitness/island-0/median"));
        Assert.Equal([0, 2, 4, 8, 10], events.Where(e => e.Tag == "fitness/island-0/best").Select(e => e.Step).Order());
        Assert.Equal([0.40f, 0.45f, 0.47f, 0.52f, 0.52f, 0.52f], Series("fitness/island-1/best"));
        Assert.All(Series("throughput/evaluations per minute"), rate => Assert.Equal(10, rate, 3));
        Assert.Equal(28f / 50, Assert.Single(Series("screening/rejected share")), 6);
        Assert.Equal(10f / 50, Assert.Single(Series("screening/duplicate share")), 6);
        Assert.Equal([0.81f, 0.83f, 0.82f], Series("final/ce/accuracy"));
        Assert.Equal([1, 2, 3], events.Where(e => e.Tag == "final/#1/accuracy").Select(e => e.Step));
        Assert.Equal(0.85f, Assert.Single(Series("final/#1/mean accuracy")), 6);
        var third = events.Single(e => e.Tag == "fitness/island-0/best" && e.Step == 4);
        Assert.Equal(Start.AddSeconds(24).ToUnixTimeSeconds(), third.WallTime);
    }

    [Fact]
    public void Writing_a_run_again_replaces_its_events()
    {
        var run = new RunRecord("tb-2", new SearchSpec(), SearchState.Completed, null, [Entry(0, 0, 0.5, EvaluationStatus.Completed)], [], [], null, 0, 0);

        RunTensorBoard.Write(run, folder);
        RunTensorBoard.Write(run, folder);

        Assert.Single(Directory.GetFiles(folder, "events.out.tfevents.*"));
        Assert.Single(TensorBoardEvents.ReadFolder(folder), e => e.Tag == "fitness/island-0/best");
    }

    private static HistoryEntry Entry(long index, int island, double fitness, EvaluationStatus status) =>
        new HistoryEntry { Index = index, Island = island, Hash = $"{index:x16}", Expression = "-(y * log(p))", Loss = LossText.From(LossZoo.CrossEntropy), Genome = "", Fitness = fitness, Status = status, Seconds = 1, Operator = "random", Parents = [], Failure = null, Shared = false, CompletedAt = Start.AddSeconds(6 * index) };

    private static ComparisonRow Row(string name, double[] accuracies) =>
        new ComparisonRow { Name = name, IsBaseline = name == "ce", Expression = "-(y * log(p))", Loss = LossText.From(LossZoo.CrossEntropy), Fitnesses = accuracies, Mean = accuracies.Average(), StandardDeviation = 0.01, ConfidenceHalfWidth = 0.01, PValueVsCe = double.NaN, PairedPValueVsCe = double.NaN, PValueVsBestBaseline = double.NaN, PairedPValueVsBestBaseline = double.NaN, SecondsPerRun = 3, FailedRuns = 0 };
}
