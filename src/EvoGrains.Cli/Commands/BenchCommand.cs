using System.CommandLine;
using EvoGrains.Benchmarks.Orchestration;
using EvoGrains.Benchmarks.Screening;
using EvoGrains.Benchmarks.Training;
using EvoGrains.Cli.Bench;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Cli.Commands;

/// <summary>
/// `evograins bench screening|training|orchestration|packing|fidelity`: measurements written to a Markdown results
/// file, or printed as JSON.
/// </summary>
public static class BenchCommand
{
    public static Command Build(CliConsole console)
    {
        var bench = new Command(
            "bench",
            "Measure screening, training, orchestration, packing and rank fidelity; results go to a Markdown "
            + "file, or with --json to stdout.");
        bench.Subcommands.Add(BuildScreening(console));
        bench.Subcommands.Add(BuildTraining(console));
        bench.Subcommands.Add(BuildOrchestration(console));
        bench.Subcommands.Add(PackingBenchCommand.Build(console));
        bench.Subcommands.Add(FidelityBenchCommand.Build(console));
        bench.Subcommands.Add(SearchBenchCommand.Build(console));
        return bench;
    }

    private static Option<bool> JsonOption(string shape) => new("--json")
    {
        Description = $"Print the measurements as JSON ({shape}; see the README) instead of writing the results file.",
    };

    private static Command BuildScreening(CliConsole console)
    {
        var candidates = new Option<int>("--candidates") { DefaultValueFactory = _ => 20000 }.InRange(1, 10_000_000);
        var repeats = new Option<int>("--repeats") { DefaultValueFactory = _ => 5 }.InRange(1, 1000);
        var json = JsonOption("{\"candidates\", \"medianPerCpuSecond\", \"shareByStage\", ...}");
        var output = BenchResultsFile.OutOption("screening");
        var command = new Command(
            "screening",
            "Screened candidates per second on one core (median of repeats) and the funnel's rejection shares.")
        {
            candidates, repeats, json, output,
        };
        command.SetAction(parse =>
        {
            var result = ScreeningBenchmark.Run(parse.GetValue(candidates), parse.GetValue(repeats), seed: 1);
            Report(console, parse.GetValue(json), result, parse.GetValue(output)!, ScreeningBenchReport.Markdown);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command BuildTraining(CliConsole console)
    {
        var defaults = new TrainingBenchmarkOptions();
        var model = new Option<string>("--model")
        {
            Description = "Surrogate model.",
            DefaultValueFactory = _ => defaults.Model,
        };
        model.AcceptOnlyFromAmong([.. ModelRegistry.BuiltInNames]);
        var steps = new Option<int>("--steps")
        {
            Description = "Steps per throughput run.",
            DefaultValueFactory = _ => defaults.Steps,
        }.InRange(1, 1_000_000);
        var evaluations = new Option<int>("--evaluations")
        {
            Description = "Consecutive evaluations for the memory check.",
            DefaultValueFactory = _ => defaults.Evaluations,
        }.InRange(2, 1_000_000);
        var accuracy = new Option<bool>("--accuracy")
        {
            Description = "Also train CE for 3 epochs on all of Fashion-MNIST and report test accuracy (minutes).",
        };
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => defaults.Threads }.InRange(1, 256);
        var json = JsonOption(
            "{\"stepCosts\", \"gemm\", \"flops\", \"flopFraction\", \"memory\", \"packedMemory\", \"accuracy\", ...}");
        var output = BenchResultsFile.OutOption("training");
        var command = new Command(
            "training",
            "Images/s per zoo loss vs CE, GEMM and training FLOP/s, memory growth, and (optionally) real accuracy.")
        {
            model, steps, evaluations, accuracy, threads, json, output,
        };
        command.SetAction(parse =>
        {
            var result = TrainingBenchmark.Run(new TrainingBenchmarkOptions
            {
                Model = parse.GetValue(model)!,
                Steps = parse.GetValue(steps),
                Evaluations = parse.GetValue(evaluations),
                Accuracy = parse.GetValue(accuracy),
                Threads = parse.GetValue(threads),
            });
            Report(console, parse.GetValue(json), result, parse.GetValue(output)!, TrainingBenchReport.Markdown);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command BuildOrchestration(CliConsole console)
    {
        var defaults = new OrchestrationBenchmarkOptions();
        var redis = new Option<string?>("--redis")
        {
            Description = "Also measure with Redis grain storage at this connection string (e.g. 127.0.0.1:6379).",
        };
        var evaluations = new Option<int>("--evaluations")
        {
            Description = "Evaluations of the zero-cost throughput run.",
            DefaultValueFactory = _ => defaults.ThroughputEvaluations,
        }.InRange(1, 10_000_000);
        var warmup = new Option<int>("--warmup")
        {
            Description = "Evaluations of an unmeasured search first (JIT, first activations; 0: none).",
            DefaultValueFactory = _ => defaults.WarmupEvaluations,
        }.InRange(0, 10_000_000);
        var scaling = new Option<int[]>("--scaling-trainers")
        {
            Description =
                $"Trainer counts of the scaling runs ({defaults.ScalingJobMilliseconds} ms per job; default "
                + $"{string.Join(' ', defaults.ScalingTrainers)}).",
            AllowMultipleArgumentsPerToken = true,
        };
        scaling.Check(counts => counts.Any(n => n is < 1 or > 1024)
            ? "--scaling-trainers: each count must be between 1 and 1024"
            : null);
        var json = JsonOption(
            "an array of {\"storage\", \"result\": {\"evaluationsPerSecond\", \"orchestrationCpuPerEvaluation\", "
            + "\"scaling\", ...}}");
        var output = BenchResultsFile.OutOption("orchestration");
        var command = new Command(
            "orchestration",
            "Island -> individual -> queue -> trainer -> back with a zero-cost evaluator: evaluations/s, "
            + "overhead, and trainer scaling at 100 ms per job.")
        {
            redis, evaluations, warmup, scaling, json, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = defaults with
            {
                ThroughputEvaluations = parse.GetValue(evaluations),
                WarmupEvaluations = parse.GetValue(warmup),
                ScalingTrainers = parse.GetValue(scaling) is { Length: > 0 } counts ? counts : defaults.ScalingTrainers,
            };
            var results =
                await OrchestrationBenchReport.MeasureAsync(options, parse.GetValue(redis), cancellationToken);
            Report(
                console, parse.GetValue(json), results, parse.GetValue(output)!,
                r => OrchestrationBenchReport.Markdown(options, r));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The measurements as JSON on stdout, or as Markdown written to the results file and shown.</summary>
    private static void Report<T>(CliConsole console, bool json, T result, string path, Func<T, string> markdown)
    {
        if (json)
        {
            console.Out.WriteLine(CliJson.Serialize(result));
        }
        else
        {
            BenchResultsFile.Publish(console, path, markdown(result));
        }
    }
}
