using System.Diagnostics;
using System.Globalization;
using EvoGrains.Cli.Cluster;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Bench.Search;

/// <summary>
/// Does the search pay? Runs <see cref="SearchBenchOptions.Repeats"/> independent searches per method, one after the
/// other, each on its own embedded silo and run folder, and compares every method's best-so-far curves and winners
/// with the random control's at equal budget in training steps.
/// </summary>
public static class SearchBenchmark
{
    public const int BandPoints = 20;

    public static async Task<SearchBenchResult> RunAsync(
        SearchBenchOptions options,
        Action<string> progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var runs = new List<SearchBenchRun>();
        var quiet = new CliConsole(TextWriter.Null, TextWriter.Null);
        var output = new ProgressOutput(false, ProgressOutput.DefaultInterval);
        // Repeat by repeat, so a benchmark stopped early still holds every method at the same number of repeats.
        for (var repeat = 0; repeat < options.Repeats; repeat++)
        {
            foreach (var method in options.Methods)
            {
                var spec = options.For(method, repeat);
                var folder = Path.Combine(Path.GetTempPath(), $"evograins-bench-search-{Guid.NewGuid():N}");
                var started = clock.Elapsed;
                try
                {
                    var run = await LocalSearch.RunAsync(folder, spec, quiet, output, cancellationToken)
                        ?? throw new OperationCanceledException(cancellationToken);
                    var winner = run.Final?.Rows.FirstOrDefault(r => !r.IsBaseline);
                    var ce = run.Final?.Rows.FirstOrDefault(r => r.IsBaseline && r.Name == ArmComparison.CrossEntropy);
                    var result = new SearchBenchRun
                    {
                        Method = method,
                        Repeat = repeat,
                        Seed = spec.Seed,
                        Evaluations = run.History.Count,
                        TrainingSteps = run.History.Sum(h => h.TrainingSteps),
                        BestValidation = run.HallOfFame.Count > 0 ? run.HallOfFame[0].Fitness : double.NaN,
                        WinnerHash = winner?.Name ?? "",
                        WinnerExpression = winner?.Expression ?? "",
                        WinnerTest = winner?.Fitnesses ?? [],
                        CrossEntropyTest = ce?.Fitnesses ?? [],
                        Seconds = (clock.Elapsed - started).TotalSeconds,
                        Curve = BestSoFar.Curve(run.History),
                        Diagnostics = SearchBenchDiagnostics.Of(run),
                    };
                    runs.Add(result);
                    progress(string.Create(CultureInfo.InvariantCulture,
                        $"{method} {repeat + 1}/{options.Repeats}: {result.Evaluations} evaluations, "
                        + $"{result.TrainingSteps}/{options.TrainingSteps} training steps, best validation "
                        + $"{result.BestValidation:F4}, winner test {result.WinnerTestMean:F4} "
                        + $"({result.Seconds:F0} s)"));
                }
                finally
                {
                    if (Directory.Exists(folder))
                    {
                        Directory.Delete(folder, recursive: true);
                    }
                }
            }
        }

        return new SearchBenchResult(
            options.Spec.Name, options.Repeats, options.TrainingSteps, options.TestSeeds,
            options.Spec.FinalStage.Steps, clock.Elapsed.TotalSeconds,
            Summarize(options.Methods, runs, options.TrainingSteps), runs);
    }

    /// <summary>
    /// Each method's band, winners' test accuracy and p-values against <see cref="SearchBenchOptions.Control"/>.
    /// </summary>
    public static IReadOnlyList<SearchBenchMethod> Summarize(
        IReadOnlyList<string> methods,
        IReadOnlyList<SearchBenchRun> runs,
        long budget)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var control = runs.Where(r => r.Method == SearchBenchOptions.Control).ToList();
        return methods.Select(method =>
        {
            var own = runs.Where(r => r.Method == method).ToList();
            var tests = own.Select(r => r.WinnerTestMean).Where(double.IsFinite).ToList();
            var finals = own.Select(r => BestSoFar.At(r.Curve, budget)).Where(double.IsFinite).ToList();
            var summary = SampleSummary.Of(tests);
            var isControl = method == SearchBenchOptions.Control || control.Count == 0;
            var controlTests = control.Select(r => r.WinnerTestMean).Where(double.IsFinite).ToList();
            var controlFinals = control.Select(r => BestSoFar.At(r.Curve, budget)).Where(double.IsFinite).ToList();
            return new SearchBenchMethod(
                method,
                BestSoFar.Band(own.Select(r => r.Curve).ToList(), budget, BandPoints),
                summary.Mean,
                summary.StandardDeviation,
                ArmComparison.HalfWidth(summary),
                finals.Count == 0 ? double.NaN : MathNet.Numerics.Statistics.Statistics.Median(finals),
                isControl ? double.NaN : MannWhitneyTest.Compare(tests, controlTests).PValue,
                isControl ? double.NaN : WelchTTest.Compare(tests, controlTests).PValue,
                isControl ? double.NaN : MannWhitneyTest.Compare(finals, controlFinals).PValue,
                isControl ? double.NaN : WelchTTest.Compare(finals, controlFinals).PValue);
        }).ToList();
    }
}
