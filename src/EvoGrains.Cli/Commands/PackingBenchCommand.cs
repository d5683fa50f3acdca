using System.CommandLine;
using System.Globalization;
using System.Text;
using EvoGrains.Benchmarks.Training;
using EvoGrains.Training.Models;

namespace EvoGrains.Cli.Commands;

/// <summary>`evograins bench packing`: packed training against today's way, one model per run, its own section of the results file.</summary>
public static class PackingBenchCommand
{
    public static Command Build(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = "Surrogate model.", DefaultValueFactory = _ => ModelFactory.MlpName };
        model.AcceptOnlyFromAmong([.. ModelFactory.Names]);
        var candidates = new Option<int?>("--candidates") { Description = "Losses trained in every configuration (zoo, then random screened cells)." };
        var steps = new Option<int?>("--steps") { Description = "Steps per evaluation." };
        var rounds = new Option<int>("--rounds") { Description = "Interleaved rounds.", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print {\"model\", \"today\", \"rows\": [{\"packSize\", \"evaluationsPerSecond\", \"speedup\", ...}]} instead of writing the results file." };
        var output = BenchCommand.OutOption("packing");
        var command = new Command("packing", "End-to-end evaluations/s of packed training at K = 1..32 against today's way (two trainers of one thread, one candidate each), and the FLOP-limit fraction.")
        {
            model, candidates, steps, rounds, json, output,
        };
        command.SetAction(parse =>
        {
            var defaults = PackingBenchmarkOptions.For(parse.GetValue(model)!);
            var options = defaults with
            {
                Candidates = parse.GetValue(candidates) ?? defaults.Candidates,
                Steps = parse.GetValue(steps) ?? defaults.Steps,
                Rounds = parse.GetValue(rounds),
            };
            if (options.Candidates < 1 || options.Steps < 1 || options.Rounds < 1)
            {
                console.Error.WriteLine("error: --candidates, --steps and --rounds must be at least 1");
                return ExitCodes.InvalidInput;
            }

            var result = PackingBenchmark.Run(options);
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(CliJson.Serialize(new { model = options.Model, today = result.Today, rows = result.Rows }));
                return ExitCodes.Success;
            }

            var path = parse.GetValue(output)!;
            BenchCommand.Publish(console, path, Merge(File.Exists(path) ? File.ReadAllText(path) : "", options.Model, Section(result)));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Replaces (or appends) this model's section, so one file holds every model's latest run.</summary>
    internal static string Merge(string existing, string model, string section)
    {
        const string Title = "# Packing benchmark\n";
        var sections = existing.Split("\n## ", StringSplitOptions.RemoveEmptyEntries)
            .Skip(existing.StartsWith(Title, StringComparison.Ordinal) ? 1 : 0)
            .Select(s => "## " + s.TrimStart('#', ' ').TrimEnd() + "\n")
            .Where(s => !s.StartsWith($"## {model} ", StringComparison.Ordinal) && !s.StartsWith($"## {model}\n", StringComparison.Ordinal))
            .Append(section)
            .OrderBy(s => s, StringComparer.Ordinal);
        return Title + "\n" + string.Join("\n", sections);
    }

    private static string Section(PackingBenchmarkResult result)
    {
        var o = result.Options;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"## {o.Model}"));
        text.AppendLine();
        text.AppendLine(Invariant($"{o.Candidates} losses (zoo, then random screened NLFS cells), {o.Steps} steps of 64 Fashion-MNIST images, 2,000 validation images, {o.Trainers} trainer threads of one libtorch thread, {o.Rounds} interleaved round(s), {Environment.ProcessorCount} cores (shared with other work while measured), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC."));
        text.AppendLine(Invariant($"Training cost {result.TrainingFlopsPerEvaluation / 1e9:F2} GFLOP per evaluation; GEMM rate of the cores used {result.GemmGflopsPerSecond:F1} GFLOP/s."));
        text.AppendLine();
        text.AppendLine("| configuration | evaluations/s | speed-up vs today | FLOP-limit fraction | failed |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var row in result.Rows.Prepend(result.Today))
        {
            var name = row.PackSize is { } k ? Invariant($"packed, K = {k}") : "today (one candidate per trainer, set-up per evaluation)";
            text.AppendLine(Invariant($"| {name} | {row.EvaluationsPerSecond:F2} | {row.Speedup:F2}x | {row.FlopFraction:P1} | {row.Failed} |"));
        }

        var best = result.Rows.MaxBy(r => r.EvaluationsPerSecond)!;
        text.AppendLine();
        text.AppendLine(Invariant($"Best: K = {best.PackSize}, {best.Speedup:F2}x today's evaluations/s."));
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
