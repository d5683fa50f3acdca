using System.CommandLine;
using EvoGrains.Benchmarks.Orchestration;
using EvoGrains.Cli.Bench;

namespace EvoGrains.Cli.Commands;

/// <summary>`evograins bench screening|training|orchestration|packing|fidelity`: measurements written to a Markdown results file.</summary>
public static class BenchCommand
{
    public static Command Build(CliConsole console)
    {
        var bench = new Command("bench", "Measure screening, training and orchestration; results go to a Markdown file.");
        bench.Subcommands.Add(BuildScreening(console));
        bench.Subcommands.Add(BuildTraining(console));
        bench.Subcommands.Add(BuildOrchestration(console));
        bench.Subcommands.Add(PackingBenchCommand.Build(console));
        bench.Subcommands.Add(FidelityBenchCommand.Build(console));
        return bench;
    }

    private static Option<string> OutOption(string name) => new("--out")
    {
        Description = "Results file.",
        DefaultValueFactory = _ => BenchResultsFile.DefaultPath(name),
    };

    private static Command BuildScreening(CliConsole console)
    {
        var candidates = new Option<int>("--candidates") { DefaultValueFactory = _ => 20000 }.InRange(1, 10_000_000);
        var repeats = new Option<int>("--repeats") { DefaultValueFactory = _ => 5 }.InRange(1, 1000);
        var output = OutOption("screening");
        var command = new Command("screening", "Screened candidates per second on one core (median of repeats) and the funnel's rejection shares.")
        {
            candidates, repeats, output,
        };
        command.SetAction(parse =>
        {
            BenchResultsFile.Publish(console, parse.GetValue(output)!, ScreeningBenchReport.Run(parse.GetValue(candidates), parse.GetValue(repeats)));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command BuildTraining(CliConsole console)
    {
        var steps = new Option<int>("--steps") { Description = "Steps per throughput run.", DefaultValueFactory = _ => 150 }.InRange(1, 1_000_000);
        var evaluations = new Option<int>("--evaluations") { Description = "Consecutive evaluations for the memory check.", DefaultValueFactory = _ => 200 }.InRange(2, 1_000_000);
        var accuracy = new Option<bool>("--accuracy") { Description = "Also train CE for 3 epochs on all of Fashion-MNIST and report test accuracy (minutes)." };
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => Environment.ProcessorCount }.InRange(1, 256);
        var output = OutOption("training");
        var command = new Command("training", "Images/s per zoo loss vs CE, GEMM and training FLOP/s, memory growth, and (optionally) real accuracy.")
        {
            steps, evaluations, accuracy, threads, output,
        };
        command.SetAction(parse =>
        {
            var markdown = TrainingBenchReport.Run(parse.GetValue(steps), parse.GetValue(evaluations), parse.GetValue(accuracy), parse.GetValue(threads));
            BenchResultsFile.Publish(console, parse.GetValue(output)!, markdown);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command BuildOrchestration(CliConsole console)
    {
        var redis = new Option<string?>("--redis") { Description = "Also measure with Redis grain storage at this connection string (e.g. 127.0.0.1:6379)." };
        var evaluations = new Option<int>("--evaluations") { DefaultValueFactory = _ => new OrchestrationBenchmarkOptions().ThroughputEvaluations }.InRange(1, 10_000_000);
        var output = OutOption("orchestration");
        var command = new Command("orchestration", "Island -> individual -> queue -> trainer -> back with a zero-cost evaluator: evaluations/s, overhead, and trainer scaling at 100 ms per job.")
        {
            redis, evaluations, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var markdown = await OrchestrationBenchReport.RunAsync(parse.GetValue(evaluations), parse.GetValue(redis), cancellationToken);
            BenchResultsFile.Publish(console, parse.GetValue(output)!, markdown);
            return ExitCodes.Success;
        });
        return command;
    }
}
