using System.Globalization;
using System.Text;
using EvoGrains.Benchmarks.Orchestration;
using EvoGrains.Cli.Cluster;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Bench;

/// <summary>
/// `bench orchestration`: the zero-cost evaluation path and trainer scaling on an embedded silo, per grain storage,
/// and as Markdown.
/// </summary>
public static class OrchestrationBenchReport
{
    /// <summary>
    /// Measures with memory grain storage and, given <paramref name="redis"/> (a connection string), Redis (without
    /// the scaling runs).
    /// </summary>
    public static async Task<IReadOnlyList<OrchestrationStorageResult>> MeasureAsync(
        OrchestrationBenchmarkOptions options, string? redis, CancellationToken cancellationToken)
    {
        var storages = new List<(string Name, IReadOnlyDictionary<string, string?> Settings)>
        {
            ("memory", EmbeddedSilo.MemoryStorage()),
        };
        if (redis is { } connection)
        {
            storages.Add(("redis", EmbeddedSilo.RedisStorage(connection)));
        }

        var results = new List<OrchestrationStorageResult>();
        foreach (var (name, settings) in storages)
        {
            await using var silo = await EmbeddedSilo.StartAsync(
                settings, new SearchSpec { Trainers = new TrainerSpec { Count = options.ThroughputTrainers } },
                cancellationToken);
            results.Add(new OrchestrationStorageResult(
                name,
                await OrchestrationBenchmark.RunAsync(
                    silo.Client, name == "memory" ? options : options with { ScalingTrainers = [] },
                    cancellationToken)));
        }

        return results;
    }

    public static string Markdown(
        OrchestrationBenchmarkOptions options,
        IReadOnlyList<OrchestrationStorageResult> results)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        text.AppendLine("# Orchestration benchmark");
        text.AppendLine();
        text.AppendLine(
            Invariant($"One embedded silo, {Environment.ProcessorCount} cores, synthetic evaluator, ")
            + Invariant($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC."));
        foreach (var (name, result) in results)
        {
            text.AppendLine();
            text.AppendLine(Invariant($"## {name} storage"));
            text.AppendLine();
            text.AppendLine(
                Invariant($"- zero-cost path: **{result.EvaluationsPerSecond:F0} evaluations/s** ")
                + Invariant($"({result.Evaluations} evaluations, {result.Trainers} trainers, ")
                + Invariant($"{result.Elapsed.TotalSeconds:F1} s); overhead ")
                + Invariant($"{result.OverheadPerEvaluation.TotalMilliseconds:F2} ms of trainer-slot time per ")
                + "evaluation");
            text.AppendLine(
                Invariant($"- CPU per evaluation, all threads: {result.CpuPerEvaluation.TotalMilliseconds:F2} ")
                + "ms; of which search work (islands proposing and screening, trainers scoring; "
                + "measured on their threads' CPU clocks): "
                + Invariant($"{result.SearchCostPerEvaluation.TotalMilliseconds:F2} ms"));
            text.AppendLine(
                "- orchestration (grains, messages, storage): "
                + Invariant($"**{result.OrchestrationCpuPerEvaluation.TotalMilliseconds * 1000:F0} µs CPU per ")
                + Invariant($"evaluation**, so {Environment.ProcessorCount} cores carry ")
                + Invariant($"**{result.OrchestrationCapacity:F0} evaluations/s** of orchestration"));
            text.AppendLine(
                Invariant($"- allocated per evaluation: {result.AllocatedPerEvaluation / 1024:F1} KB, ")
                + Invariant($"of which search work {result.SearchAllocatedPerEvaluation / 1024:F1} KB; ")
                + Invariant($"{result.Collections} garbage collections ")
                + "(their threads' time is part of orchestration)");
            if (result.Scaling.Count > 0)
            {
                text.AppendLine();
                text.AppendLine(
                    Invariant($"| simulated trainers ({options.ScalingJobMilliseconds} ms per job) | ")
                    + "evaluations/s | ideal | efficiency |");
                text.AppendLine("|---|---|---|---|");
                foreach (var point in result.Scaling)
                {
                    text.AppendLine(
                        Invariant($"| {point.Trainers} | {point.EvaluationsPerSecond:F1} | ")
                        + Invariant($"{point.IdealEvaluationsPerSecond:F1} | {point.Efficiency:P0} |"));
                }
            }
        }
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
