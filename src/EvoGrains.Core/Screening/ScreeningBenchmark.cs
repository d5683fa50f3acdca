using System.Diagnostics;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Screening;

/// <summary>
/// Measures the funnel on random candidates (half NLFS cells, half GP trees over every operator)
/// on the calling thread: candidates screened per second (median of repeated runs) and where
/// the funnel stopped them.
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
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            stages.Clear();
            // Fresh copies, so no run profits from canonical forms a previous run computed.
            var batch = losses.Select(l => new LossFunction(l.Element, l.Reduction, l.LabelSmoothing)).ToArray();
            var clock = Stopwatch.StartNew();
            foreach (var loss in batch)
            {
                var stage = funnel.Screen(loss).Stage;
                stages[stage] = stages.GetValueOrDefault(stage) + 1;
            }

            rates.Add(candidates / clock.Elapsed.TotalSeconds);
        }

        rates.Sort();
        return new ScreeningBenchmarkResult(candidates, repeats, rates[rates.Count / 2], rates[0], rates[^1], stages.ToDictionary(s => s.Key, s => (double)s.Value / candidates));
    }
}
