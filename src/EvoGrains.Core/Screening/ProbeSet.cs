namespace EvoGrains.Core.Screening;

/// <summary>
/// Fixed samples (logits and labels): seeded draws for the screening checks, or <see cref="Margins"/>.
/// </summary>
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

    private ProbeSet(int classes, int[] labels, double[][] logits)
    {
        Classes = classes;
        Labels = labels;
        Logits = logits;
    }

    public int Classes { get; }

    public int[] Labels { get; }

    public double[][] Logits { get; }

    public int Count => Labels.Length;

    /// <summary>
    /// Fixed logits, no draws: for each margin of the true class's logit over the best other class, from -8
    /// (confidently wrong) through 0 (uncertain) to +8 (confidently right), one sample whose other classes spread
    /// evenly over [-1.5, 1.5] and one where the first of them stands at 3.5, 2 above the rest (a confusable class).
    /// Labels cycle through the classes.
    /// </summary>
    public static ProbeSet Margins(int classes)
    {
        double[] margins = [-8, -6, -4, -3, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3, 4, 6, 8];
        var labels = new int[2 * margins.Length];
        var logits = new double[labels.Length][];
        for (var i = 0; i < labels.Length; i++)
        {
            var label = i % classes;
            var others = Enumerable.Range(0, classes - 1)
                .Select(k => (3.0 * k / Math.Max(1, classes - 2)) - 1.5)
                .ToArray();
            if (i % 2 == 1)
            {
                others[0] = 3.5;
            }

            var sample = new double[classes];
            for (int c = 0, k = 0; c < classes; c++)
            {
                sample[c] = c == label ? others.Max() + margins[i / 2] : others[k++];
            }

            (labels[i], logits[i]) = (label, sample);
        }

        return new ProbeSet(classes, labels, logits);
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
