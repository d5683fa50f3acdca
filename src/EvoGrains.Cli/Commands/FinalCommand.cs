using System.CommandLine;
using System.Globalization;
using EvoGrains.Cli.Runs;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Commands;

/// <summary>
/// `evograins final`: run a finished search's final stage again, with its own or another spec's final stage.
/// </summary>
public static class FinalCommand
{
    public static Command Build(CliConsole console)
    {
        var folder = new Argument<string>("run folder")
        {
            Description = "A run folder written by `local` or `export` (spec.json and hall-of-fame.json).",
        };
        var spec = new Option<string?>("--spec")
        {
            Description =
                "Take the final stage (topK, rounds, baselines, tune, steps, seeds, transfer) from this spec file "
                + "instead of the run's.",
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder to write final.json, final.csv and final.md to.",
            Required = true,
        };
        var transferOnly = new Option<bool>("--transfer-only")
        {
            Description =
                "Train only the transfer settings (finalStage.transfer of --spec, else of the run's spec) on the "
                + "arms of the run's final table (its final.json: survivors, baselines, tuned baselines), with the "
                + "final stage's testSeeds; write the run's final table with the transfer tables.",
        };
        var from = new Option<string?>("--final-json")
        {
            Description =
                "With --transfer-only: the final results whose table's arms train (default: the run folder's "
                + "final.json), e.g. the final.json an earlier `evograins final` wrote to its --out.",
        };
        var command = new Command(
            "final",
            "Run a finished search's final stage again on this machine (rounds, tuned baselines, test table, "
            + "transfer settings), e.g. against new baselines, without searching again.")
        {
            folder, spec, output, transferOnly, from,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var runFolder = parse.GetValue(folder)!;
            if (parse.GetValue(from) is not null && !parse.GetValue(transferOnly))
            {
                throw new InputException(
                    "--final-json: only with --transfer-only (a whole final stage trains its own table)");
            }

            var finalStage = parse.GetValue(spec) is { } file ? SearchSpecJson.Load(file).FinalStage : null;
            var (runSpec, hallOfFame) = FinalStageRerun.Load(runFolder, finalStage);

            var started = DateTimeOffset.UtcNow;
            var what = parse.GetValue(transferOnly) ? "transfer" : "final stage";
            void Progress(int done, int total) =>
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{what}: {done}/{total} trainings, {(DateTimeOffset.UtcNow - started).TotalMinutes:F1} min"));
            FinalComparison comparison;
            if (parse.GetValue(transferOnly))
            {
                if (runSpec.FinalStage.Transfer.Count == 0)
                {
                    throw new InputException(
                        "finalStage.transfer: no transfer settings to train (give a spec with finalStage.transfer)");
                }

                comparison = await FinalStageRerun.RunTransferAsync(
                    runSpec, FinalStageRerun.LoadFinal(runFolder, parse.GetValue(from)), Progress, cancellationToken);
            }
            else
            {
                comparison = await FinalStageRerun.RunAsync(runSpec, hallOfFame, Progress, cancellationToken);
            }
            var run = new RunRecord(
                "rerun", runSpec, SearchState.Completed, null, [], hallOfFame,
                RunRecord.RankedRows(comparison, hallOfFame), comparison, 0, 0);
            var outFolder = parse.GetValue(output)!;
            Directory.CreateDirectory(outFolder);
            await File.WriteAllTextAsync(
                Path.Combine(outFolder, "final.json"), FinalResultsFiles.Json(comparison), cancellationToken);
            await File.WriteAllTextAsync(
                Path.Combine(outFolder, "final.csv"), FinalResultsFiles.Csv(comparison), cancellationToken);
            await File.WriteAllTextAsync(
                Path.Combine(outFolder, "final.md"), RunReport.FormatFinal(run, runFolder), cancellationToken);
            console.Out.Write(ComparisonTable.Format(run.Comparison, $"{comparison.Split} accuracy"));
            foreach (var transfer in comparison.Transfer)
            {
                console.Out.WriteLine();
                console.Out.WriteLine($"transfer: {transfer.Name} ({transfer.Differences})");
                console.Out.Write(ComparisonTable.Format(
                    RunRecord.RankedRows(comparison with { Rows = transfer.Rows }, hallOfFame),
                    $"{comparison.Split} accuracy"));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
