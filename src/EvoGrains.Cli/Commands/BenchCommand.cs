using System.CommandLine;
using System.Globalization;
using System.Text;
using EvoGrains.Benchmarks.Orchestration;
using EvoGrains.Benchmarks.Screening;
using EvoGrains.Benchmarks.Training;
using EvoGrains.Cli.Cluster;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;
using EvoGrains.Training;
using EvoGrains.Training.Data;
using EvoGrains.Training.Losses;
using EvoGrains.Training.Trainer;

namespace EvoGrains.Cli.Commands;

/// <summary>`evograins bench screening|training`: measurements written to a Markdown results file.</summary>
public static class BenchCommand
{
    public static Command Build(CliConsole console)
    {
        var bench = new Command("bench", "Measure screening, training and orchestration; results go to a Markdown file.");
        bench.Subcommands.Add(BuildScreening(console));
        bench.Subcommands.Add(BuildTraining(console));
        bench.Subcommands.Add(BuildOrchestration(console));
        return bench;
    }

    internal static Option<string> OutOption(string name) => new("--out")
    {
        Description = "Results file.",
        DefaultValueFactory = _ => Path.Combine("bench-results", name + ".md"),
    };

    internal static void Publish(CliConsole console, string path, string markdown)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, markdown);
        console.Out.Write(markdown);
        console.Out.WriteLine($"(written to {path})");
    }

    private static Command BuildScreening(CliConsole console)
    {
        var candidates = new Option<int>("--candidates") { DefaultValueFactory = _ => 20000 };
        var repeats = new Option<int>("--repeats") { DefaultValueFactory = _ => 5 };
        var output = OutOption("screening");
        var command = new Command("screening", "Screened candidates per second on one core (median of repeats) and the funnel's rejection shares.")
        {
            candidates, repeats, output,
        };
        command.SetAction(parse =>
        {
            var result = ScreeningBenchmark.Run(parse.GetValue(candidates), parse.GetValue(repeats), seed: 1);
            var text = new StringBuilder();
            text.AppendLine("# Screening benchmark");
            text.AppendLine();
            text.AppendLine(Invariant($"{result.Candidates} random candidates (half NLFS cells, half depth-5 GP trees over all operators), one thread, {result.Repeats} repeats, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC."));
            text.AppendLine();
            text.AppendLine(Invariant($"- screened per CPU second of the screening thread's process (median, the per-core rate): **{result.MedianPerCpuSecond:F0}**; target >= 5000"));
            text.AppendLine(Invariant($"- screened per wall-clock second (median): {result.MedianPerSecond:F0} (slowest {result.SlowestPerSecond:F0}, fastest {result.FastestPerSecond:F0}); lower when other processes share the cores"));
            text.AppendLine(Invariant($"- rejected by the funnel: **{result.RejectedShare:P1}**"));
            text.AppendLine();
            text.AppendLine("| stage | share of candidates |");
            text.AppendLine("|---|---|");
            // The benchmark screens without a population, so nothing stops at the duplicate check.
            foreach (var stage in Enum.GetValues<ScreeningStage>().Where(stage => stage != ScreeningStage.Duplicate))
            {
                text.AppendLine(Invariant($"| {stage.ToString().ToLowerInvariant()} | {result.ShareByStage.GetValueOrDefault(stage):P1} |"));
            }

            Publish(console, parse.GetValue(output)!, text.ToString());
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command BuildTraining(CliConsole console)
    {
        var steps = new Option<int>("--steps") { Description = "Steps per throughput run.", DefaultValueFactory = _ => 150 };
        var evaluations = new Option<int>("--evaluations") { Description = "Consecutive evaluations for the memory check.", DefaultValueFactory = _ => 200 };
        var accuracy = new Option<bool>("--accuracy") { Description = "Also train CE for 3 epochs on all of Fashion-MNIST and report test accuracy (minutes)." };
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = OutOption("training");
        var command = new Command("training", "Images/s per zoo loss vs CE, GEMM and training FLOP/s, memory growth, and (optionally) real accuracy.")
        {
            steps, evaluations, accuracy, threads, output,
        };
        command.SetAction(parse =>
        {
            var dataset = DatasetSpec.FashionMnist();
            var threadCount = parse.GetValue(threads);
            var request = new TrainingRequest(dataset, Steps: parse.GetValue(steps), BatchSize: 128, WarmupSteps: 10, ValidationSize: 1000, TrainSubsetSize: 20000, MaxThreads: threadCount);
            var benchmarks = new TrainingBenchmarks(new DatasetCache());
            var text = new StringBuilder();
            text.AppendLine("# Training benchmark");
            text.AppendLine();
            text.AppendLine(Invariant($"small-cnn on Fashion-MNIST, batch 128, {request.Steps} steps per run, {threadCount} libtorch threads, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC."));
            text.AppendLine();

            var losses = new List<ITensorLoss> { new CrossEntropyTensorLoss() };
            losses.AddRange(LossZoo.Names.Select(name => new CompiledTensorLoss(LossZoo.Get(name), name)));
            // Native CE runs first and last in each of two rounds, and every loss keeps its best round,
            // so warm-up and a passing slowdown of the machine do not favour one loss.
            var order = losses.Append(losses[0]).ToList();
            var rounds = Enumerable.Range(0, 2).Select(_ => benchmarks.MeasureLossThroughput(request, order)).ToList();
            var best = losses.Select((loss, i) => rounds.Max(r => i == 0 ? Math.Max(r[0].ImagesPerSecond, r[^1].ImagesPerSecond) : r[i].ImagesPerSecond)).ToList();
            text.AppendLine("## Step cost of each loss");
            text.AppendLine();
            text.AppendLine("Ratio = the loss's step time over native CE's (CE images/s divided by the loss's); best of two interleaved rounds.");
            text.AppendLine();
            text.AppendLine("| loss | images/s | step time vs native CE | within 1.10x |");
            text.AppendLine("|---|---|---|---|");
            for (var i = 0; i < losses.Count; i++)
            {
                var ratio = best[0] / best[i];
                text.AppendLine(Invariant($"| {(i == 0 ? "ce (native cross_entropy)" : losses[i].Name)} | {best[i]:F0} | {ratio:F3}x | {(ratio <= 1.10 ? "yes" : "no")} |"));
            }

            var gemm = TrainingBenchmarks.MeasureGemm();
            var flops = benchmarks.MeasureTrainingFlops(request);
            text.AppendLine();
            text.AppendLine("## Fraction of peak");
            text.AppendLine();
            text.AppendLine(Invariant($"- GEMM ({gemm.Size}x{gemm.Size} float32 torch.matmul, best of {gemm.Repetitions}): **{gemm.GflopsPerSecond:F1} GFLOP/s** on {gemm.Device}"));
            text.AppendLine(Invariant($"- training step: {flops.ForwardMacsPerImage:N0} MACs/image forward, {flops.TrainingFlopsPerImage / 1e6:F1} MFLOP/image with backward, {flops.ImagesPerSecond:F0} images/s = **{flops.AchievedGflopsPerSecond:F2} GFLOP/s**"));
            text.AppendLine(Invariant($"- ratio achieved / GEMM peak: **{flops.RatioTo(gemm):P1}**"));

            var count = parse.GetValue(evaluations);
            var shortRequest = request with { Steps = 5, ValidationSize = 256, TrainSubsetSize = 2048, WarmupSteps = 1 };
            var memory = benchmarks.MeasureMemoryGrowth(shortRequest, new CompiledTensorLoss(LossZoo.Get("baikal"), "baikal"), count);
            var afterWarmup = memory.RssKilobytes[memory.WarmupEvaluations - 1];
            var growth = (double)memory.GrowthAfterWarmupKilobytes / afterWarmup;
            text.AppendLine();
            text.AppendLine("## Memory over consecutive evaluations");
            text.AppendLine();
            var half = memory.RssKilobytes[memory.RssKilobytes.Count / 2];
            text.AppendLine(Invariant($"- {count} evaluations (baikal, 5 steps each; RSS read after a full GC): {afterWarmup / 1024.0:F0} MiB after {memory.WarmupEvaluations}, {memory.RssKilobytes[^1] / 1024.0:F0} MiB at the end: growth **{growth:P2}** (target < 5%)"));
            text.AppendLine(Invariant($"- second half only: {half / 1024.0:F0} MiB at evaluation {memory.RssKilobytes.Count / 2} -> {memory.RssKilobytes[^1] / 1024.0:F0} MiB: growth {(double)(memory.RssKilobytes[^1] - half) / half:P2} (a leak keeps climbing here)"));

            if (parse.GetValue(accuracy))
            {
                var full = new TrainingRequest(dataset, Steps: 3 * 60000 / 128, BatchSize: 128, WarmupSteps: 100, ValidationSize: 1000, MaxThreads: threadCount, EvaluateTest: true);
                var result = new SurrogateTrainer().Train(full, new CrossEntropyTensorLoss());
                text.AppendLine();
                text.AppendLine("## Accuracy sanity check");
                text.AppendLine();
                text.AppendLine(Invariant($"- small-cnn, CE, 3 epochs ({full.Steps} steps of 128) on Fashion-MNIST: test accuracy **{result.TestAccuracy:F4}** (target >= 0.88), {result.WallTime.TotalMinutes:F1} min"));
            }

            Publish(console, parse.GetValue(output)!, text.ToString());
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command BuildOrchestration(CliConsole console)
    {
        var redis = new Option<string?>("--redis") { Description = "Also measure with Redis grain storage at this connection string (e.g. 127.0.0.1:6379)." };
        var evaluations = new Option<int>("--evaluations") { DefaultValueFactory = _ => new OrchestrationBenchmarkOptions().ThroughputEvaluations };
        var output = OutOption("orchestration");
        var command = new Command("orchestration", "Island -> individual -> queue -> trainer -> back with a zero-cost evaluator: evaluations/s, overhead, and trainer scaling at 100 ms per job.")
        {
            redis, evaluations, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new OrchestrationBenchmarkOptions { ThroughputEvaluations = parse.GetValue(evaluations) };
            var text = new StringBuilder();
            text.AppendLine("# Orchestration benchmark");
            text.AppendLine();
            text.AppendLine(Invariant($"One embedded silo, {Environment.ProcessorCount} cores, synthetic evaluator, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC."));
            var storages = new List<(string Name, IReadOnlyDictionary<string, string?> Settings)> { ("memory", EmbeddedSilo.MemoryStorage()) };
            if (parse.GetValue(redis) is { } connection)
            {
                storages.Add(("redis", EmbeddedSilo.RedisStorage(connection)));
            }

            foreach (var (name, settings) in storages)
            {
                await using var silo = await EmbeddedSilo.StartAsync(settings, new SearchSpec { Trainers = new TrainerSpec { Count = options.ThroughputTrainers } }, cancellationToken);
                var result = await OrchestrationBenchmark.RunAsync(silo.Client, name == "memory" ? options : options with { ScalingTrainers = [] }, cancellationToken);
                text.AppendLine();
                text.AppendLine(Invariant($"## {name} storage"));
                text.AppendLine();
                text.AppendLine(Invariant($"- zero-cost path: **{result.EvaluationsPerSecond:F0} evaluations/s** ({result.Evaluations} evaluations, {result.Trainers} trainers, {result.Elapsed.TotalSeconds:F1} s); overhead {result.OverheadPerEvaluation.TotalMilliseconds:F2} ms of trainer-slot time per evaluation"));
                text.AppendLine(Invariant($"- CPU per evaluation, all threads: {result.CpuPerEvaluation.TotalMilliseconds:F2} ms; of which search work (islands proposing and screening, trainers scoring; measured on their threads' CPU clocks): {result.SearchCostPerEvaluation.TotalMilliseconds:F2} ms"));
                text.AppendLine(Invariant($"- orchestration (grains, messages, storage): **{result.OrchestrationCpuPerEvaluation.TotalMilliseconds * 1000:F0} µs CPU per evaluation**, so {Environment.ProcessorCount} cores carry **{result.OrchestrationCapacity:F0} evaluations/s** of orchestration"));
                if (result.Scaling.Count > 0)
                {
                    text.AppendLine();
                    text.AppendLine(Invariant($"| simulated trainers ({options.ScalingJobMilliseconds} ms per job) | evaluations/s | ideal | efficiency |"));
                    text.AppendLine("|---|---|---|---|");
                    foreach (var point in result.Scaling)
                    {
                        text.AppendLine(Invariant($"| {point.Trainers} | {point.EvaluationsPerSecond:F1} | {point.IdealEvaluationsPerSecond:F1} | {point.Efficiency:P0} |"));
                    }
                }
            }

            Publish(console, parse.GetValue(output)!, text.ToString());
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
