using System.Diagnostics;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;

namespace EvoGrains.Benchmarks.Screening;

/// <summary>
/// Measures the funnel on random candidates (half NLFS cells, half GP trees over every operator)
/// on the calling thread: candidates screened per wall-clock second and per CPU second (median
/// of repeated runs, after one warm-up run) and where the funnel stopped them. The CPU-second
/// rate is the per-core figure: it holds when other processes share the machine.
/// </summary>
public static class ScreeningBenchmark
{
    public static ScreeningBenchmarkResult Run(int candidates, int repeats, int seed)
    {
        var random = new Random(seed);
        var cells = new CellSpace();
        var trees = new TreeSpace(OperatorSet.Full, maxDepth: 5);
        var losses = Enumerable.Range(0, candidates)
            .Select(i => (i % 2 == 0 ? cells.Random(random) : trees.Random(random)).ToLoss())
            .ToArray();
        var funnel = new ScreeningFunnel();
        var stages = new Dictionary<ScreeningStage, int>();
        var rates = new List<double>();
        var cpuRates = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var repeat = -1; repeat < repeats; repeat++)
        {
            stages.Clear();
            // Fresh copies, so no run profits from canonical forms a previous run computed.
            var batch = losses.Select(l => new LossFunction(l.Element, l.Reduction, l.LabelSmoothing)).ToArray();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            foreach (var loss in batch)
            {
                var stage = funnel.Screen(loss).Stage;
                stages[stage] = stages.GetValueOrDefault(stage) + 1;
            }

            var wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            if (repeat >= 0)
            {
                rates.Add(candidates / wall);
                cpuRates.Add(candidates / (process.TotalProcessorTime - cpuBefore).TotalSeconds);
            }
        }

        rates.Sort();
        cpuRates.Sort();
        return new ScreeningBenchmarkResult(
            candidates,
            repeats,
            rates[rates.Count / 2],
            rates[0],
            rates[^1],
            cpuRates[cpuRates.Count / 2],
            // Every stage a candidate can end at here: without a population, none stops at the duplicate check.
            Enum.GetValues<ScreeningStage>().Where(stage => stage != ScreeningStage.Duplicate).ToDictionary(
                stage => stage, stage => (double)stages.GetValueOrDefault(stage) / candidates));
    }
}
