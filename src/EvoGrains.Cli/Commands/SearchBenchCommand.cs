using System.CommandLine;
using EvoGrains.Cli.Bench;
using EvoGrains.Cli.Bench.Search;
using EvoGrains.Cli.Cluster;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Cli.Commands;

/// <summary>
/// `evograins bench search`: repeated searches per method against random search at equal budget. One section per spec
/// of the results file.
/// </summary>
public static class SearchBenchCommand
{
    public static Command Build(CliConsole console)
    {
        var spec = new Option<string>("--spec")
        {
            Description = "Search spec (JSON): its evaluation, islands' settings and budget.",
            Required = true,
        };
        var repeats = new Option<int>("--repeats")
        {
            Description = "Independent searches per method.",
            DefaultValueFactory = _ => 5,
        }.InRange(1, 100);
        var methods = new Option<string[]>("--methods")
        {
            Description =
                $"Methods to compare (default: the spec's islands' methods, and {SearchBenchOptions.Control}): "
                + $"{MethodRegistry.Help}.",
            AllowMultipleArgumentsPerToken = true,
        }.AcceptOnlyFromAmong([.. MethodRegistry.Names]);
        var steps = new Option<long?>("--training-steps")
        {
            Description =
                "Budget of each search in training steps (default: the spec's budget.maxTrainingSteps, else "
                + "maxEvaluations at the first rung's cost).",
        };
        var testSeeds = new Option<int>("--test-seeds")
        {
            Description = "Test-set retrainings of each search's winner.",
            DefaultValueFactory = _ => 5,
        }.InRange(2, 50);
        var json = new Option<bool>("--json")
        {
            Description = "Print {\"specName\", \"methods\", \"runs\", ...} instead of writing the results file.",
        };
        var output = BenchResultsFile.OutOption("search", "Results file (one section per spec).");
        var command = new Command(
            "search",
            "Runs N independent searches per method (one island each, the same budget in training steps), records "
            + "every search's best so far against training steps spent, retrains each winner on the test set with "
            + "seeds no search used, and compares every method with random search (Mann-Whitney U and Welch).")
        {
            spec, repeats, methods, steps, testSeeds, json, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var specFile = parse.GetValue(spec)!;
            var search = LocalSearch.CheckData(SearchSpecJson.Load(specFile), specFile);
            var chosen = parse.GetValue(methods) is { Length: > 0 } named
                ? named
                : [.. search.Islands.Methods, SearchBenchOptions.Control];
            var budget = parse.GetValue(steps) ?? SearchBenchOptions.DefaultTrainingSteps(search);
            var options = new SearchBenchOptions(
                search, parse.GetValue(repeats), chosen.Distinct(StringComparer.Ordinal).ToList(), budget,
                parse.GetValue(testSeeds));
            foreach (var method in options.Methods)
            {
                if (SearchSpecValidator.Validate(options.For(method, 0)) is [var first, ..])
                {
                    throw new InputException($"--methods {method}: {first}");
                }
            }

            var loadBefore = MachineLoad.LoadAverage();
            var result =
                await SearchBenchmark.RunAsync(options, line => console.Error.WriteLine(line), cancellationToken);
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(CliJson.Serialize(result));
                return ExitCodes.Success;
            }

            var path = parse.GetValue(output)!;
            var figure = SearchBenchPlot.FileName(result.SpecName);
            SearchBenchPlot.Save(result, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, figure));
            var section = SearchBenchReport.Section(result, specFile, (loadBefore, MachineLoad.LoadAverage()), figure);
            BenchResultsFile.Publish(
                console, path,
                SearchBenchReport.Merge(File.Exists(path) ? File.ReadAllText(path) : "", result.SpecName, section));
            return ExitCodes.Success;
        });
        return command;
    }
}
