using System.CommandLine;
using EvoGrains.Benchmarks.Fidelity;
using EvoGrains.Cli.Bench;
using EvoGrains.Cli.Cluster;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Commands;

/// <summary>
/// `evograins bench fidelity`: does the search's first rung rank losses as the final budget does? One section per
/// spec of the results file.
/// </summary>
public static class FidelityBenchCommand
{
    public static Command Build(CliConsole console)
    {
        var spec = new Option<string>("--spec")
        {
            Description = "Search spec (JSON) whose first rung and final budget are compared.",
            Required = true,
        };
        var candidates = new Option<int>("--candidates")
        {
            Description = "Screened candidates beside the spec's baselines.",
            DefaultValueFactory = _ => 12,
        }.InRange(1, FidelityBenchmarkOptions.MaxCandidates);
        var seeds = new Option<int>("--seeds")
        {
            Description = "Seeds of the final-budget test runs (at least 3 are used).",
            DefaultValueFactory = _ => FidelityBenchmarkOptions.MinFinalSeeds,
        }.InRange(1, 100);
        var json = new Option<bool>("--json")
        {
            Description =
                "Print {\"specName\", \"firstRung\", \"final\", \"rows\", \"spearman\", \"kendall\", ...} instead "
                + "of writing the results file.",
        };
        var output = BenchResultsFile.OutOption("fidelity", "Results file (one section per spec).");
        var command = new Command(
            "fidelity",
            "Trains the spec's baselines and N screened candidates at its first rung (validation) and at its "
            + "final budget (test set, seeds the search never uses), and prints Spearman's and Kendall's rank "
            + "correlations with bootstrap 95% intervals.")
        {
            spec, candidates, seeds, json, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var specFile = parse.GetValue(spec)!;
            var search = TrainableSpec.Require(
                LocalSearch.CheckData(SearchSpecJson.Load(specFile), specFile), specFile, "the fidelity benchmark");
            var options = new FidelityBenchmarkOptions(
                search, parse.GetValue(candidates),
                Math.Max(FidelityBenchmarkOptions.MinFinalSeeds, parse.GetValue(seeds)));
            var loadBefore = MachineLoad.LoadAverage();
            var result = await FidelityBenchmark.RunAsync(
                options, line => console.Error.WriteLine(line), cancellationToken: cancellationToken);
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(CliJson.Serialize(result));
                return ExitCodes.Success;
            }

            var path = parse.GetValue(output)!;
            var figure = FidelityPlot.FileName(result.SpecName);
            FidelityPlot.Save(result, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, figure));
            var section =
                FidelityBenchReport.Section(result, specFile, (loadBefore, MachineLoad.LoadAverage()), figure);
            BenchResultsFile.Publish(
                console, path,
                FidelityBenchReport.Merge(File.Exists(path) ? File.ReadAllText(path) : "", result.SpecName, section));
            return ExitCodes.Success;
        });
        return command;
    }
}
