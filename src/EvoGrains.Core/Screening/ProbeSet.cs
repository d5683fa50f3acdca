namespace EvoGrains.Core.Screening;

/// <summary>Fixed, seeded samples (logits and labels) shared by every screening check and fingerprint.</summary>
public sealed class ProbeSet
{
    public ProbeSet(int samples, int classes, int seed, double logitScale = 2)
    {
        Classes = classes;
        Labels = new int[samples];
        Logits = new double[samples][];
        var random = new Random(seed);
        for (var i = 0; i < samples; i++)
        {
            Labels[i] = random.Next(classes);
            Logits[i] = new double[classes];
            for (var c = 0; c < classes; c++)
            {
                Logits[i][c] = logitScale * Gaussian(random);
            }

            // Every other sample gives the true class a low score: the case where a loss must push it up.
            if (i % 2 == 1)
            {
                Logits[i][Labels[i]] = Logits[i].Min() - 2;
            }
        }
    }

    public int Classes { get; }

    public int[] Labels { get; }

    public double[][] Logits { get; }

    public int Count => Labels.Length;

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
