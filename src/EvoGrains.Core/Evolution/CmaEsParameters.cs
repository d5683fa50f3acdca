namespace EvoGrains.Core.Evolution;

/// <summary>
/// Hansen's default strategy parameters for dimension n and population lambda ("The CMA Evolution
/// Strategy: A Tutorial", 2016): recombination weights, learning rates and damping.
/// </summary>
internal sealed class CmaEsParameters
{
    public CmaEsParameters(int n, int lambda)
    {
        Mu = lambda / 2;
        var raw = Enumerable.Range(0, Mu).Select(i => Math.Log((lambda + 1) / 2.0) - Math.Log(i + 1)).ToArray();
        var sum = raw.Sum();
        Weights = raw.Select(w => w / sum).ToArray();
        Mueff = 1 / Weights.Sum(w => w * w);
        Cc = (4 + Mueff / n) / (n + 4 + 2 * Mueff / n);
        Cs = (Mueff + 2) / (n + Mueff + 5);
        C1 = 2 / ((n + 1.3) * (n + 1.3) + Mueff);
        Cmu = Math.Min(1 - C1, 2 * (Mueff - 2 + 1 / Mueff) / ((n + 2) * (n + 2) + Mueff));
        Damps = 1 + 2 * Math.Max(0, Math.Sqrt((Mueff - 1) / (n + 1)) - 1) + Cs;
        ChiN = Math.Sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
    }

    public int Mu { get; }

    public double[] Weights { get; }

    public double Mueff { get; }

    public double Cc { get; }

    public double Cs { get; }

    public double C1 { get; }

    public double Cmu { get; }

    public double Damps { get; }

    /// <summary>Expected length of an n-dimensional standard normal vector.</summary>
    public double ChiN { get; }
}
