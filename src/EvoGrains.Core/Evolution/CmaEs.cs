using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace EvoGrains.Core.Evolution;

/// <summary>
/// Hansen's (mu/mu_w, lambda)-CMA-ES with rank-one and rank-mu covariance updates and cumulative
/// step-size adaptation, minimising. Ask/tell shaped so that candidates can be evaluated anywhere,
/// in any order, before their fitnesses are told back. Deterministic for a given seed.
/// </summary>
/// <remarks>
/// Bounds are handled by clipping sampled candidates into the box; the update then uses the clipped
/// points, so the mean never leaves the box. Non-finite fitnesses rank as worst.
/// </remarks>
public sealed class CmaEs
{
    private readonly int n;
    private readonly int lambda;
    private readonly CmaEsParameters p;
    private readonly CmaEsBounds bounds;
    private readonly CmaEsStopRule stopRule;
    private readonly Random random;

    private Vector<double> mean;
    private double sigma;
    private Matrix<double> c;
    private Matrix<double> b;
    private Vector<double> d;
    private Vector<double> pc;
    private Vector<double> ps;
    private int lastEigenGeneration;
    private double[][]? pending;

    public CmaEs(double[] initialMean, CmaEsOptions options)
    {
        ArgumentNullException.ThrowIfNull(initialMean);
        ArgumentNullException.ThrowIfNull(options);
        if (initialMean.Length == 0)
        {
            throw new ArgumentException("The search space needs at least one dimension.", nameof(initialMean));
        }

        if (initialMean.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("The initial mean must be finite.", nameof(initialMean));
        }

        if (!double.IsFinite(options.InitialSigma) || options.InitialSigma <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "InitialSigma must be finite and positive.");
        }

        n = initialMean.Length;
        lambda = options.PopulationSize ?? 4 + (int)Math.Floor(3 * Math.Log(n));
        if (lambda < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "PopulationSize must be at least 2.");
        }

        bounds = new CmaEsBounds(options, initialMean);
        p = new CmaEsParameters(n, lambda);
        stopRule = new CmaEsStopRule(options, n, lambda);
        random = new Random(options.Seed);

        mean = Vector<double>.Build.DenseOfArray((double[])initialMean.Clone());
        sigma = options.InitialSigma;
        c = Matrix<double>.Build.DenseIdentity(n);
        b = Matrix<double>.Build.DenseIdentity(n);
        d = Vector<double>.Build.Dense(n, 1.0);
        pc = Vector<double>.Build.Dense(n);
        ps = Vector<double>.Build.Dense(n);
    }

    public int Dimension => n;

    /// <summary>Lambda: how many candidates each <see cref="Ask"/> returns.</summary>
    public int PopulationSize => lambda;

    /// <summary>Number of completed tell steps.</summary>
    public int Generation { get; private set; }

    public long Evaluations { get; private set; }

    public double Sigma => sigma;

    public double[] Mean => mean.ToArray();

    /// <summary>Best finite-fitness candidate told so far; null until one has been told.</summary>
    public CmaEsSolution? Best { get; private set; }

    public CmaEsTermination Termination { get; private set; }

    public bool IsStopped => Termination != CmaEsTermination.None;

    /// <summary>
    /// Samples the current generation. Calling again before <see cref="Tell"/> returns the same
    /// batch (fresh copies), so an evaluator that lost its work can ask for it again.
    /// </summary>
    public IReadOnlyList<double[]> Ask()
    {
        if (IsStopped)
        {
            throw new InvalidOperationException($"The run has stopped ({Termination}).");
        }

        pending ??= Sample();
        return pending.Select(x => (double[])x.Clone()).ToArray();
    }

    /// <summary>
    /// Reports the fitnesses (lower is better) of the batch from the last <see cref="Ask"/>, in any
    /// order. Every candidate of that batch must be told exactly once.
    /// </summary>
    public void Tell(IReadOnlyList<double[]> candidates, IReadOnlyList<double> fitnesses)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(fitnesses);
        var batch = pending ?? throw new InvalidOperationException("Tell must follow Ask.");
        if (candidates.Count != lambda || fitnesses.Count != lambda)
        {
            throw new ArgumentException($"Expected {lambda} candidates and {lambda} fitnesses.", nameof(candidates));
        }

        var told = MatchToBatch(batch, candidates, fitnesses);
        var order = Enumerable.Range(0, lambda).OrderBy(i => told[i]).ThenBy(i => i).ToArray();

        Evaluations += lambda;
        if (double.IsFinite(told[order[0]]) && (Best is null || told[order[0]] < Best.Fitness))
        {
            Best = new CmaEsSolution(batch[order[0]], told[order[0]]);
        }

        Update(batch, order, told);
        pending = null;
        Generation++;

        stopRule.Record(told[order[0]]);
        Termination = stopRule.Check(this, told, sigma, pc, c, d);
    }

    /// <summary>Runs ask/tell to a stop, evaluating candidates one by one on the calling thread.</summary>
    public static CmaEsResult Minimize(Func<double[], double> objective, double[] initialMean, CmaEsOptions options)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var es = new CmaEs(initialMean, options);
        while (!es.IsStopped)
        {
            var candidates = es.Ask();
            // The objective gets its own copy: a mutated candidate would no longer match its batch.
            var fitnesses = candidates.Select(x => objective((double[])x.Clone())).ToArray();
            es.Tell(candidates, fitnesses);
        }

        return new CmaEsResult(es.Best, es.Generation, es.Evaluations, es.Termination);
    }

    private static double Sanitize(double fitness) => double.IsFinite(fitness) ? fitness : double.PositiveInfinity;

    private double[] MatchToBatch(double[][] batch, IReadOnlyList<double[]> candidates, IReadOnlyList<double> fitnesses)
    {
        var told = new double[lambda];
        var seen = new bool[lambda];
        for (var k = 0; k < lambda; k++)
        {
            var candidate = candidates[k]
                ?? throw new ArgumentException("Candidates must not be null.", nameof(candidates));
            var slot = -1;
            for (var j = 0; j < lambda && slot < 0; j++)
            {
                if (!seen[j] && batch[j].AsSpan().SequenceEqual(candidate))
                {
                    slot = j;
                }
            }

            if (slot < 0)
            {
                throw new ArgumentException(
                    $"Candidate {k} is not an untold member of the batch returned by Ask.", nameof(candidates));
            }

            seen[slot] = true;
            told[slot] = Sanitize(fitnesses[k]);
        }

        return told;
    }

    private double[][] Sample()
    {
        var batch = new double[lambda][];
        var z = Vector<double>.Build.Dense(n);
        for (var k = 0; k < lambda; k++)
        {
            for (var i = 0; i < n; i++)
            {
                z[i] = StandardNormal() * d[i];
            }

            var x = mean + sigma * (b * z);
            var point = new double[n];
            for (var i = 0; i < n; i++)
            {
                point[i] = bounds.Clip(i, x[i]);
            }

            batch[k] = point;
        }

        return batch;
    }

    // Box-Muller on System.Random keeps the stream defined by this file alone, not by a library version.
    private double StandardNormal()
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private void Update(double[][] batch, int[] order, double[] told)
    {
        var oldMean = mean;
        var steps = new Vector<double>[p.Mu];
        var newMean = Vector<double>.Build.Dense(n);
        for (var i = 0; i < p.Mu; i++)
        {
            var x = Vector<double>.Build.DenseOfArray(batch[order[i]]);
            steps[i] = (x - oldMean) / sigma;
            newMean += p.Weights[i] * x;
        }

        mean = newMean;
        var meanStep = (newMean - oldMean) / sigma;

        // C^(-1/2) y = B D^(-1) B^T y
        var whitened = b * b.TransposeThisAndMultiply(meanStep).PointwiseDivide(d);
        ps = (1 - p.Cs) * ps + Math.Sqrt(p.Cs * (2 - p.Cs) * p.Mueff) * whitened;

        var psNorm = ps.L2Norm();
        var hsig = psNorm / Math.Sqrt(1 - Math.Pow(1 - p.Cs, 2.0 * (Generation + 1))) / p.ChiN < 1.4 + 2.0 / (n + 1);
        pc = (1 - p.Cc) * pc + (hsig ? Math.Sqrt(p.Cc * (2 - p.Cc) * p.Mueff) : 0.0) * meanStep;

        var rankOne = pc.OuterProduct(pc);
        var rankMu = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < p.Mu; i++)
        {
            rankMu += p.Weights[i] * steps[i].OuterProduct(steps[i]);
        }

        // Without hsig the rank-one term would lose the variance its stalled path no longer carries.
        var hsigCorrection = hsig ? 0.0 : p.Cc * (2 - p.Cc);
        c = (1 - p.C1 - p.Cmu) * c + p.C1 * (rankOne + hsigCorrection * c) + p.Cmu * rankMu;

        sigma *= Math.Exp(Math.Min(1.0, p.Cs / p.Damps * (psNorm / p.ChiN - 1)));

        // A flat fitness landscape gives selection nothing to go on; widen the search to escape it.
        if (told[order[0]] == told[order[(int)Math.Ceiling(0.7 * lambda) - 1]])
        {
            sigma *= Math.Exp(0.2 + p.Cs / p.Damps);
        }

        // Hansen's lazy schedule: the decomposition is O(n^3) while C moves by only ~(c1 + cmu) per generation.
        if ((Generation + 1 - lastEigenGeneration) * 10.0 * n * (p.C1 + p.Cmu) >= 1.0)
        {
            Decompose();
            lastEigenGeneration = Generation + 1;
        }
    }

    private void Decompose()
    {
        var symmetric = Matrix<double>.Build.Dense(n, n, (i, j) => i <= j ? c[i, j] : c[j, i]);
        c = symmetric;
        var evd = symmetric.Evd(Symmetricity.Symmetric);
        b = evd.EigenVectors;
        // Round-off can push the smallest eigenvalue to or below zero; a tiny floor keeps D invertible
        // and lets the condition-number criterion stop the run.
        d = Vector<double>.Build.Dense(n, i => Math.Sqrt(Math.Max(evd.EigenValues[i].Real, 1e-300)));
    }
}
