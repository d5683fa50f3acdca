using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;

namespace EvoGrains.Core.Evolution;

/// <summary>
/// Predicts a screened loss's first-rung fitness before it is trained, from the losses already evaluated: the
/// inverse-distance-weighted mean fitness of the <see cref="Neighbours"/> evaluated losses whose phenotypes (the
/// min-max normalised two-class curves of <see cref="IntegrityCheck"/>) lie nearest to its own.
/// </summary>
/// <remarks>
/// The phenotype is already scale-free (Adam barely feels a constant factor) and oriented (a curve that rises as the
/// prediction becomes correct is flipped), so losses that train alike lie close. Every tenth point of the curve is
/// kept: the curves are smooth, and a search's thousands of comparisons per proposal stay in microseconds.
/// </remarks>
public sealed class PhenotypeSurrogate
{
    public const int Neighbours = 5;

    /// <summary>
    /// Losses it remembers at most: the newest replace the oldest, so a long search's island stays within a few MB
    /// and milliseconds.
    /// </summary>
    public const int Capacity = 4096;

    private const int Stride = 10;

    /// <summary>
    /// Curves closer than this (root mean square over the kept points, in units of the curve's range) are one curve.
    /// </summary>
    public const double NearDistance = 0.005;

    private readonly List<Known> known = [];

    private long added;

    /// <summary>Evaluated losses it has learned from.</summary>
    public int Count => known.Count;

    /// <summary>Whether it knows enough losses to predict.</summary>
    public bool IsReady => known.Count >= Neighbours;

    /// <summary>
    /// Learns one evaluated loss; a loss without a phenotype or a fitness that is not finite teaches nothing.
    /// </summary>
    public void Add(double[]? phenotype, double fitness)
    {
        if (phenotype is not { Length: > 0 } || !double.IsFinite(fitness))
        {
            return;
        }

        var learned = new Known(Thin(phenotype), fitness);
        if (known.Count < Capacity)
        {
            known.Add(learned);
        }
        else
        {
            known[(int)(added % Capacity)] = learned;
        }

        added++;
    }

    /// <summary>
    /// The predicted fitness; NaN until <see cref="IsReady"/>, for a loss without a phenotype, and for one whose curve
    /// is within <see cref="NearDistance"/> of a loss already evaluated (training it again would only measure noise).
    /// </summary>
    public double Predict(double[]? phenotype)
    {
        if (phenotype is not { Length: > 0 } || !IsReady)
        {
            return double.NaN;
        }

        var (fitness, nearest) = Predict(Thin(phenotype), except: -1);
        return nearest < NearDistance ? double.NaN : fitness;
    }

    /// <summary>
    /// How well it ranks what it knows, each loss predicted from all the others: Spearman's rho of prediction against
    /// fitness. NaN with fewer than <see cref="Neighbours"/> + 2 losses.
    /// </summary>
    public double LeaveOneOutCorrelation()
    {
        if (known.Count < Neighbours + 2)
        {
            return double.NaN;
        }

        var predicted = known.Select((k, i) => Predict(k.Curve, except: i).Fitness).ToList();
        return RankCorrelation.Spearman(predicted, [.. known.Select(k => k.Fitness)]);
    }

    /// <summary>
    /// The weighted mean of the nearest losses' fitness, and the distance to the nearest, in one pass over what it
    /// knows.
    /// </summary>
    private (double Fitness, double Nearest) Predict(float[] curve, int except)
    {
        // The nearest few by insertion into a short sorted list: k is 5, the known set a few thousand at most.
        Span<double> distances = stackalloc double[Neighbours];
        Span<int> indices = stackalloc int[Neighbours];
        distances.Fill(double.PositiveInfinity);
        indices.Fill(-1);
        for (var i = 0; i < known.Count; i++)
        {
            if (i == except)
            {
                continue;
            }

            var distance = Distance(curve, known[i].Curve);
            if (distance >= distances[Neighbours - 1])
            {
                continue;
            }

            var at = Neighbours - 1;
            while (at > 0 && distances[at - 1] > distance)
            {
                distances[at] = distances[at - 1];
                indices[at] = indices[at - 1];
                at--;
            }

            distances[at] = distance;
            indices[at] = i;
        }

        double weighted = 0, weights = 0;
        for (var n = 0; n < Neighbours && indices[n] >= 0; n++)
        {
            var weight = 1 / (distances[n] + NearDistance);
            weighted += weight * known[indices[n]].Fitness;
            weights += weight;
        }

        return (weighted / weights, distances[0]);
    }

    private static double Distance(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }

        return Math.Sqrt(sum / a.Length);
    }

    private static float[] Thin(double[] phenotype)
    {
        var curve = new float[(phenotype.Length + Stride - 1) / Stride];
        for (var i = 0; i < curve.Length; i++)
        {
            curve[i] = (float)phenotype[i * Stride];
        }

        return curve;
    }

    private sealed record Known(float[] Curve, double Fitness);
}
