using System.CommandLine;
using System.Globalization;
using EvoGrains.Cli.Cluster;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;
using EvoGrains.Training.Data;

namespace EvoGrains.Cli.Commands;

/// <summary>
/// `evograins data check`: what a spec's data and model resolve to, by the check a submit runs before a search starts.
/// </summary>
public static class DataCommand
{
    private const int NamesShown = 20;

    public static Command Build(CliConsole console)
    {
        var data = new Command("data", "Look at a search's data before running it.");
        data.Subcommands.Add(BuildCheck(console));
        return data;
    }

    private static Command BuildCheck(CliConsole console)
    {
        var spec = new Argument<string>("spec")
        {
            Description = "The search spec (JSON) whose evaluation names the dataset and model.",
        };
        var json = new Option<bool>("--json")
        {
            Description =
                "Print {dataset, dataPath, classes, train, validation, trainedOn, test, shape, cache, model, ...} "
                + "as JSON.",
        };
        var check = new Command(
            "check",
            "Load the spec's data (both splits, decoding and caching image folders) and check its model on them, "
            + "as a submit does before the search starts: "
            + "print the classes, the images per split, the image shape and where the decoded data is cached. "
            + "Exit 0 when it serves, 2 with one line naming the file when not.")
        {
            spec, json,
        };
        check.SetAction(parse =>
        {
            var file = parse.GetValue(spec)!;
            var search = SearchSpecJson.Load(file);
            var result = LocalSearch.InspectData(search, file);
            var report = Report(search.Evaluation, result);
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(CliJson.Serialize(report));
            }
            else
            {
                Print(console, report);
            }

            return ExitCodes.Success;
        });
        return check;
    }

    private static DataReport Report(EvaluationSpec evaluation, DataCheckResult result)
    {
        if (result.Data is not { } data || result.Dataset is not { } dataset)
        {
            return new DataReport { Evaluator = evaluation.Evaluator };
        }

        var validation = evaluation.ValidationSize;
        var available = data.Train.Count - validation;
        var model = ModelRegistry.Get(evaluation.Model);
        return new DataReport
        {
            Evaluator = evaluation.Evaluator,
            Dataset = dataset.Name,
            DataPath = dataset.Name == DatasetRegistry.Synthetic.Name ? null : dataset.Location,
            Classes = data.ClassNames,
            Train = data.Train.Count,
            Validation = validation,
            TrainedOn = evaluation.TrainSubset > 0 ? Math.Min(evaluation.TrainSubset, available) : available,
            Test = data.Test.Count,
            Shape = new DataReport.ImageSize(data.Shape.Channels, data.Shape.Height, data.Shape.Width),
            Cache = data.CacheFile,
            CacheProblem = data.CacheProblem,
            Model = model.Name,
            ModelPath = model.ReadsModelPath ? evaluation.ModelPath : null,
            Pretrained = model.ReadsModelPath ? evaluation.Pretrained : null,
        };
    }

    private static void Print(CliConsole console, DataReport report)
    {
        var output = console.Out;
        if (report.Dataset is null)
        {
            output.WriteLine($"evaluator   {report.Evaluator}: trains no model and reads no data");
            return;
        }

        var classes = report.Classes!;
        var names = string.Join(", ", classes.Take(NamesShown))
            + (classes.Count > NamesShown ? $", ... ({classes.Count - NamesShown} more)" : "");
        output.WriteLine($"dataset     {report.Dataset}: {DatasetRegistry.Get(report.Dataset).Description}");
        output.WriteLine($"data path   {report.DataPath ?? "(none: generated)"}");
        output.WriteLine(Line($"classes     {classes.Count}: {names}"));
        output.WriteLine(
            Line($"train       {report.Train:N0} images: {report.Validation:N0} held out for validation (fitness), ")
            + Line($"{report.TrainedOn:N0} trained on"));
        output.WriteLine(Line($"test        {report.Test:N0} images (final reports only)"));
        output.WriteLine(
            $"images      {report.Shape!.Channels} x {report.Shape.Height} x {report.Shape.Width} "
            + "(channels x height x width)");
        output.WriteLine(report.Cache is { } cache
            ? $"cache       {cache}"
            : report.CacheProblem is { } problem
                ? $"cache       not written ({problem}): every run decodes the images again"
                : "cache       none needed: the files are read as they are stored");
        output.WriteLine(report.ModelPath is { } path
            ? $"model       {report.Model} {path}: loads and maps [B, {report.Shape.Channels}, "
                + $"{report.Shape.Height}, {report.Shape.Width}] to {classes.Count} logits; "
                + (report.Pretrained == true
                    ? "training starts from its weights (pretrained)"
                    : "its weights are redrawn from each training seed")
            : $"model       {report.Model}: {ModelRegistry.Get(report.Model!).Description}");
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
