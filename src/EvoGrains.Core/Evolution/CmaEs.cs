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
    private const double MaxConditionNumber = 1e14;
    private const double MaxSigmaGrowth = 1e20;

    private readonly int n;
    private readonly int lambda;
    private readonly int mu;
    private readonly double[] weights;
    private readonly double mueff;
    private readonly double cc;
    private readonly double cs;
    private readonly double c1;
    private readonly double cmu;
    private readonly double damps;
    private readonly double chiN;
    private readonly double[] lower;
    private readonly double[] upper;
    private readonly int maxGenerations;
    private readonly long? maxEvaluations;
    private readonly double? targetFitness;
    private readonly double functionTolerance;
    private readonly double stepTolerance;
    private readonly double initialSigma;
    private readonly int historyLength;
    private readonly Random random;
    private readonly Queue<double> bestHistory = new();

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

        (lower, upper) = ReadBounds(options, initialMean);

        mu = lambda / 2;
        weights = new double[mu];
        for (var i = 0; i < mu; i++)
        {
            weights[i] = Math.Log((lambda + 1) / 2.0) - Math.Log(i + 1);
        }

        var weightSum = weights.Sum();
        for (var i = 0; i < mu; i++)
        {
            weights[i] /= weightSum;
        }

        mueff = 1 / weights.Sum(w => w * w);
        cc = (4 + mueff / n) / (n + 4 + 2 * mueff / n);
        cs = (mueff + 2) / (n + mueff + 5);
        c1 = 2 / ((n + 1.3) * (n + 1.3) + mueff);
        cmu = Math.Min(1 - c1, 2 * (mueff - 2 + 1 / mueff) / ((n + 2) * (n + 2) + mueff));
        damps = 1 + 2 * Math.Max(0, Math.Sqrt((mueff - 1) / (n + 1)) - 1) + cs;
        chiN = Math.Sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));

        maxGenerations = options.MaxGenerations
            ?? (int)Math.Min(int.MaxValue, 100 + 150 * (n + 3.0) * (n + 3.0) / Math.Sqrt(lambda));
        maxEvaluations = options.MaxEvaluations;
        targetFitness = options.TargetFitness;
        functionTolerance = options.FunctionTolerance;
        stepTolerance = options.StepTolerance;
        initialSigma = options.InitialSigma;
        historyLength = 10 + (int)Math.Ceiling(30.0 * n / lambda);
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

        bestHistory.Enqueue(told[order[0]]);
        if (bestHistory.Count > historyLength)
        {
            bestHistory.Dequeue();
        }

        Termination = CheckTermination(told);
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

    private static (double[] Lower, double[] Upper) ReadBounds(CmaEsOptions options, double[] initialMean)
    {
        var n = initialMean.Length;
        var lower = options.LowerBounds ?? Enumerable.Repeat(double.NegativeInfinity, n).ToArray();
        var upper = options.UpperBounds ?? Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        if (lower.Length != n || upper.Length != n)
        {
            throw new ArgumentException("Bounds must have one entry per dimension.", nameof(options));
        }

        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(lower[i]) || double.IsNaN(upper[i]) || !(lower[i] < upper[i]))
            {
                throw new ArgumentException($"Bounds of coordinate {i} must satisfy lower < upper.", nameof(options));
            }

            if (initialMean[i] < lower[i] || initialMean[i] > upper[i])
            {
                throw new ArgumentException($"Initial mean coordinate {i} lies outside its bounds.", nameof(options));
            }
        }

        return ((double[])lower.Clone(), (double[])upper.Clone());
    }

    private static double Sanitize(double fitness) => double.IsFinite(fitness) ? fitness : double.PositiveInfinity;

    private double[] MatchToBatch(double[][] batch, IReadOnlyList<double[]> candidates, IReadOnlyList<double> fitnesses)
    {
        var told = new double[lambda];
        var seen = new bool[lambda];
        for (var k = 0; k < lambda; k++)
        {
            var candidate = candidates[k] ?? throw new ArgumentException("Candidates must not be null.", nameof(candidates));
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
                point[i] = Math.Clamp(x[i], lower[i], upper[i]);
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
        var steps = new Vector<double>[mu];
        var newMean = Vector<double>.Build.Dense(n);
        for (var i = 0; i < mu; i++)
        {
            var x = Vector<double>.Build.DenseOfArray(batch[order[i]]);
            steps[i] = (x - oldMean) / sigma;
            newMean += weights[i] * x;
        }

        mean = newMean;
        var meanStep = (newMean - oldMean) / sigma;

        // C^(-1/2) y = B D^(-1) B^T y
        var whitened = b * b.TransposeThisAndMultiply(meanStep).PointwiseDivide(d);
        ps = (1 - cs) * ps + Math.Sqrt(cs * (2 - cs) * mueff) * whitened;

        var psNorm = ps.L2Norm();
        var hsig = psNorm / Math.Sqrt(1 - Math.Pow(1 - cs, 2.0 * (Generation + 1))) / chiN < 1.4 + 2.0 / (n + 1);
        pc = (1 - cc) * pc + (hsig ? Math.Sqrt(cc * (2 - cc) * mueff) : 0.0) * meanStep;

        var rankOne = pc.OuterProduct(pc);
        var rankMu = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < mu; i++)
        {
            rankMu += weights[i] * steps[i].OuterProduct(steps[i]);
        }

        // Without hsig the rank-one term would lose the variance its stalled path no longer carries.
        var hsigCorrection = hsig ? 0.0 : cc * (2 - cc);
        c = (1 - c1 - cmu) * c + c1 * (rankOne + hsigCorrection * c) + cmu * rankMu;

        sigma *= Math.Exp(Math.Min(1.0, cs / damps * (psNorm / chiN - 1)));

        // A flat fitness landscape gives selection nothing to go on; widen the search to escape it.
        if (told[order[0]] == told[order[(int)Math.Ceiling(0.7 * lambda) - 1]])
        {
            sigma *= Math.Exp(0.2 + cs / damps);
        }

        // Hansen's lazy schedule: the decomposition is O(n^3) while C moves by only ~(c1 + cmu) per generation.
        if ((Generation + 1 - lastEigenGeneration) * 10.0 * n * (c1 + cmu) >= 1.0)
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

    private CmaEsTermination CheckTermination(double[] told)
    {
        if (targetFitness is { } target && Best is not null && Best.Fitness <= target)
        {
            return CmaEsTermination.TargetFitness;
        }

        if (Generation >= maxGenerations)
        {
            return CmaEsTermination.MaxGenerations;
        }

        if (maxEvaluations is { } maxEvals && Evaluations >= maxEvals)
        {
            return CmaEsTermination.MaxEvaluations;
        }

        if (bestHistory.Count >= historyLength)
        {
            var low = Math.Min(bestHistory.Min(), told.Min());
            var high = Math.Max(bestHistory.Max(), told.Max());
            if (high - low < functionTolerance)
            {
                return CmaEsTermination.FunctionTolerance;
            }
        }

        var stepsSmall = true;
        for (var i = 0; i < n && stepsSmall; i++)
        {
            stepsSmall = sigma * Math.Abs(pc[i]) < stepTolerance && sigma * Math.Sqrt(c[i, i]) < stepTolerance;
        }

        if (stepsSmall)
        {
            return CmaEsTermination.StepTolerance;
        }

        var dMax = d.Maximum();
        var dMin = d.Minimum();
        if (sigma * dMax > MaxSigmaGrowth * initialSigma)
        {
            return CmaEsTermination.StepDivergence;
        }

        if (dMax * dMax > MaxConditionNumber * dMin * dMin)
        {
            return CmaEsTermination.ConditionNumber;
        }

        return CmaEsTermination.None;
    }
}
