using System.CommandLine;
using EvoGrains.Benchmarks.Training;
using EvoGrains.Cli.Bench;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Cli.Commands;

/// <summary>
/// `evograins bench packing`: packed training against today's way, one model per run, its own section of the results
/// file.
/// </summary>
public static class PackingBenchCommand
{
    public static Command Build(CliConsole console)
    {
        var model = new Option<string>("--model")
        {
            Description = "Surrogate model.",
            DefaultValueFactory = _ => ModelRegistry.Mlp.Name,
        };
        model.AcceptOnlyFromAmong([.. ModelRegistry.BuiltInNames]);
        var candidates = new Option<int>("--candidates")
        {
            Description = "Losses trained in every configuration (zoo, then random screened cells); default per model.",
        }.InRange(1, 4096);
        var steps = new Option<int>("--steps")
        {
            Description = "Steps per evaluation; default per model.",
        }.InRange(1, 1_000_000);
        var packSizes = new Option<int[]>("--pack-sizes")
        {
            Description = "Pack sizes to measure (default 1 2 4 8 16 32; fewer for resnet9).",
            AllowMultipleArgumentsPerToken = true,
        };
        packSizes.Check(sizes =>
            sizes.Where(k => k is < 1 or > 1024).Select(k => (int?)k).FirstOrDefault() is { } outside
                ? $"--pack-sizes: {outside} is outside 1..1024"
                : sizes.Length != sizes.Distinct().Count() ? "--pack-sizes: each size may appear once" : null);
        var rounds = new Option<int>("--rounds")
        {
            Description = "Interleaved rounds.",
            DefaultValueFactory = _ => 1,
        }.InRange(1, 100);
        var json = new Option<bool>("--json")
        {
            Description =
                "Print {\"model\", \"today\", \"rows\": [{\"packSize\", \"evaluationsPerSecond\", \"speedup\", "
                + "...}]} instead of writing the results file.",
        };
        var output = BenchResultsFile.OutOption("packing", "Results file (one section per model).");
        var command = new Command(
            "packing",
            "End-to-end evaluations/s of packed training at K = 1..32 against today's way (two trainers of one "
            + "thread, one candidate each), and the FLOP-limit fraction.")
        {
            model, candidates, steps, packSizes, rounds, json, output,
        };
        command.SetAction(parse =>
        {
            var defaults = PackingBenchmarkOptions.For(parse.GetValue(model)!);
            var options = defaults with
            {
                Candidates = parse.GetResult(candidates) is null ? defaults.Candidates : parse.GetValue(candidates),
                Steps = parse.GetResult(steps) is null ? defaults.Steps : parse.GetValue(steps),
                Rounds = parse.GetValue(rounds),
                PackSizes = parse.GetValue(packSizes) is { Length: > 0 } sizes ? sizes : defaults.PackSizes,
            };

            var loadBefore = MachineLoad.LoadAverage();
            var result = PackingBenchmark.Run(options);
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(
                    CliJson.Serialize(new { model = options.Model, today = result.Today, rows = result.Rows }));
                return ExitCodes.Success;
            }

            var path = parse.GetValue(output)!;
            BenchResultsFile.Publish(
                console, path,
                PackingBenchReport.Merge(
                    File.Exists(path) ? File.ReadAllText(path) : "", options.Model,
                    PackingBenchReport.Section(result, (loadBefore, MachineLoad.LoadAverage()))));
            return ExitCodes.Success;
        });
        return command;
    }
}
