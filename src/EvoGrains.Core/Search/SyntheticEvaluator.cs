using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;

namespace EvoGrains.Core.Search;

/// <summary>
/// A deterministic, training-free fitness for tests and orchestration benchmarks: how close the
/// loss's two-class curve is to a reference loss's (Baikal by default), in (0, 1]. Similar losses
/// score alike, so evolution can climb it. An optional delay simulates a trainer's time; over several
/// seeds every seed scores the same, so the spread is 0.
/// </summary>
public sealed class SyntheticEvaluator(TimeSpan delay = default, LossFunction? reference = null, int seeds = 1)
    : IFitnessEvaluator
{
    private readonly double[] target = IntegrityCheck.Run(reference ?? LossZoo.Get("baikal")).Phenotype;

    public async Task<EvaluationResult> EvaluateAsync(LossFunction loss, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken);
        }

        return Evaluate(loss) with { Seconds = delay.TotalSeconds };
    }

    public EvaluationResult Evaluate(LossFunction loss)
    {
        var curve = IntegrityCheck.Run(loss);
        if (!curve.Passed)
        {
            return EvaluationResult.Failed(curve.Rejection!);
        }

        var rms = IntegrityCheck.Distance(curve.Phenotype, target) / Math.Sqrt(target.Length);
        return new EvaluationResult(1 / (1 + 10 * rms), EvaluationStatus.Completed, 0)
        {
            Seeds = seeds,
            Spread = seeds > 1 ? 0 : double.NaN,
        };
    }
}
