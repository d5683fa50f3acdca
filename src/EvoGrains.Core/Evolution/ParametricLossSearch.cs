using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;

namespace EvoGrains.Core.Evolution;

/// <summary>
/// CMA-ES over a <see cref="LossFamily"/> (TaylorGLO's parameters, or GLO's per-node coefficients):
/// each generation's candidates are screened (the analytic invariant: rejected vectors rank worst),
/// the rest evaluated concurrently, and CMA-ES minimises minus the fitness.
/// </summary>
public sealed class ParametricLossSearch(LossFamily family, CmaEsOptions options, ScreeningFunnel funnel)
{
    public List<HistoryEntry> History { get; } = [];

    public HallOfFame HallOfFame { get; } = new(20);

    public CmaEs Optimizer { get; } = new([.. family.Initial], options);

    public async Task RunAsync(IFitnessEvaluator evaluator, int maxEvaluations, CancellationToken cancellationToken = default)
    {
        while (!Optimizer.IsStopped && History.Count < maxEvaluations)
        {
            var candidates = Optimizer.Ask();
            var losses = candidates.Select(c => family.Build(c)).ToList();
            var verdicts = losses.Select(loss => funnel.Screen(loss)).ToList();
            var results = await Task.WhenAll(verdicts.Select(v => v.Accepted ? Evaluate(v) : Task.FromResult<EvaluationResult?>(null)));
            var fitnesses = new double[candidates.Count];
            for (var i = 0; i < candidates.Count; i++)
            {
                fitnesses[i] = results[i] is { } result ? -result.Fitness : double.NaN;
                if (results[i] is { } evaluated && History.Count < maxEvaluations)
                {
                    var loss = verdicts[i].Loss;
                    var parents = new[] { $"generation {Optimizer.Generation}" };
                    var entry = new HistoryEntry(
                        History.Count, 0, loss.HashHex, loss.ToString(), LossText.From(loss), "", evaluated.Fitness, evaluated.Status, evaluated.Seconds,
                        "cma-es", parents, evaluated.Failure, false, DateTimeOffset.UtcNow);
                    History.Add(entry);
                    HallOfFame.Offer(HallOfFameEntry.Of(entry));
                }
            }

            Optimizer.Tell(candidates, fitnesses);
        }

        async Task<EvaluationResult?> Evaluate(ScreeningVerdict verdict) => await evaluator.EvaluateAsync(verdict.Loss, cancellationToken);
    }
}
