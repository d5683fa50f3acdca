using MathNet.Numerics.LinearAlgebra;

namespace EvoGrains.Core.Evolution;

/// <summary>
/// When a <see cref="CmaEs"/> run stops: the caller's limits and Hansen's TolFun, TolX, TolUpSigma and condition
/// criteria.
/// </summary>
internal sealed class CmaEsStopRule
{
    private const double MaxConditionNumber = 1e14;
    private const double MaxSigmaGrowth = 1e20;

    private readonly int maxGenerations;
    private readonly long? maxEvaluations;
    private readonly double? targetFitness;
    private readonly double functionTolerance;
    private readonly double stepTolerance;
    private readonly double initialSigma;
    private readonly int historyLength;
    private readonly Queue<double> bestHistory = new();

    public CmaEsStopRule(CmaEsOptions options, int n, int lambda)
    {
        maxGenerations = options.MaxGenerations
            ?? (int)Math.Min(int.MaxValue, 100 + 150 * (n + 3.0) * (n + 3.0) / Math.Sqrt(lambda));
        maxEvaluations = options.MaxEvaluations;
        targetFitness = options.TargetFitness;
        functionTolerance = options.FunctionTolerance;
        stepTolerance = options.StepTolerance;
        initialSigma = options.InitialSigma;
        historyLength = 10 + (int)Math.Ceiling(30.0 * n / lambda);
    }

    /// <summary>Remembers a generation's best fitness (for TolFun).</summary>
    public void Record(double generationBest)
    {
        bestHistory.Enqueue(generationBest);
        if (bestHistory.Count > historyLength)
        {
            bestHistory.Dequeue();
        }
    }

    public CmaEsTermination Check(
        CmaEs es,
        double[] told,
        double sigma,
        Vector<double> pc,
        Matrix<double> c,
        Vector<double> d)
    {
        if (targetFitness is { } target && es.Best is not null && es.Best.Fitness <= target)
        {
            return CmaEsTermination.TargetFitness;
        }

        if (es.Generation >= maxGenerations)
        {
            return CmaEsTermination.MaxGenerations;
        }

        if (maxEvaluations is { } maxEvals && es.Evaluations >= maxEvals)
        {
            return CmaEsTermination.MaxEvaluations;
        }

        if (bestHistory.Count >= historyLength
            && Math.Max(bestHistory.Max(), told.Max()) - Math.Min(bestHistory.Min(), told.Min()) < functionTolerance)
        {
            return CmaEsTermination.FunctionTolerance;
        }

        var stepsSmall = true;
        for (var i = 0; i < pc.Count && stepsSmall; i++)
        {
            stepsSmall = sigma * Math.Abs(pc[i]) < stepTolerance && sigma * Math.Sqrt(c[i, i]) < stepTolerance;
        }

        if (stepsSmall)
        {
            return CmaEsTermination.StepTolerance;
        }

        var (dMax, dMin) = (d.Maximum(), d.Minimum());
        if (sigma * dMax > MaxSigmaGrowth * initialSigma)
        {
            return CmaEsTermination.StepDivergence;
        }

        return dMax * dMax > MaxConditionNumber * dMin * dMin
            ? CmaEsTermination.ConditionNumber
            : CmaEsTermination.None;
    }
}
