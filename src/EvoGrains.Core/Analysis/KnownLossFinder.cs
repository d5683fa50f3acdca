using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;

namespace EvoGrains.Core.Analysis;

/// <summary>
/// Finds the <see cref="LossZoo"/> member a loss behaves like: the one whose gradient dL/dz over fixed probe logits
/// (<see cref="ProbeSet.Margins"/>, 10 classes: confidently wrong, uncertain and confidently right samples) has the
/// highest cosine similarity with the loss's, after fitting one positive scale (with Adam a constant factor barely
/// changes training, so `-Σ(y+1)·log p`, 11 x CE towards (y+1)/11, is label smoothing with eps = 10/11).
/// Every probe sample counts alike: both gradients are weighted, sample by sample, by the inverse of the loss's own
/// gradient length there (at most 100 times the weight of its steepest sample), so a 1/p term that is huge on a
/// confidently wrong sample does not hide what the loss does on the others.
/// </summary>
/// <remarks>
/// Deterministic. Each family is searched along one coordinate: none for a family without parameters; its parameter
/// over its range for one parameter (a grid even in asinh of the value, so wide ranges such as poly1's [-1, 100] are
/// covered near 0 and far out, then golden-section refinement between the best grid point's neighbours); for two
/// parameters the direction of (alpha, beta) over the quarter circle, written with the larger weight 1 (every
/// two-parameter family is alpha·A + beta·B, so with the scale fitted only the direction matters). The grid's members
/// and gradients are computed once per process. Families earlier in the registry win ties (cosines within
/// <see cref="TieTolerance"/>), so `-(y·p)` is mae rather than gce(1) or sce(0,1).
/// </remarks>
public static class KnownLossFinder
{
    /// <summary>Cosines closer than this are a tie (equal up to rounding).</summary>
    public const double TieTolerance = 1e-9;

    /// <summary>
    /// A gradient shorter than this on every probe sample is zero (rounding leaves about 1e-16 where Σp = 1 cancels).
    /// </summary>
    public const double NegligibleGradient = 1e-9;

    private const int GridPoints = 64;
    private const int RefinementSteps = 16;
    private static readonly double InverseGolden = (Math.Sqrt(5) - 1) / 2;

    private static readonly Lazy<Point[][]> Grids = new(() => [.. LossZoo.Families.Select(Grid)]);

    // The probe logits (10 classes).
    private static readonly ProbeSet Probes = ProbeSet.Margins(OneHotHalves.Classes);

    /// <summary>The nearest zoo member, or null when the loss's gradient on the probes is zero or not finite.</summary>
    public static NearestKnownLoss? Find(LossFunction loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (Target.Of(Gradient(loss)) is not { } target)
        {
            return null;
        }

        NearestKnownLoss? best = null;
        for (var family = 0; family < LossZoo.Families.Count; family++)
        {
            var match = Nearest(family, target);
            if (match is not null && (best is null || match.Cosine > best.Cosine + TieTolerance))
            {
                best = match;
            }
        }

        return best;
    }

    /// <summary>dL/dz of every probe sample, one after another.</summary>
    public static double[] Gradient(LossFunction loss)
    {
        var interpreter = new LossInterpreter(loss);
        var classes = Probes.Classes;
        var gradient = new double[Probes.Count * classes];
        for (var i = 0; i < Probes.Count; i++)
        {
            interpreter.Evaluate(Probes.Logits[i], Probes.Labels[i], gradient.AsSpan(i * classes, classes));
        }

        return gradient;
    }

    private static NearestKnownLoss? Nearest(int familyIndex, Target target)
    {
        var family = LossZoo.Families[familyIndex];
        var (from, to, arguments) = Coordinate(family);
        var grid = Grids.Value[familyIndex];
        var best = grid.Select(point => Match(point, target)).Aggregate(
            (NearestKnownLoss?)null, (kept, match) => Better(match, kept) ? match : kept);
        if (grid.Length == 1)
        {
            return best;
        }

        // Golden-section search between the best grid point's neighbours.
        var bestIndex = Array.FindIndex(grid, point => ReferenceEquals(point.Member, best?.Member));
        var step = (to - from) / (GridPoints - 1);
        var (low, high) = (from + (Math.Max(0, bestIndex - 1) * step), Math.Min(to, from + ((bestIndex + 1) * step)));
        var (left, right) = (high - (InverseGolden * (high - low)), low + (InverseGolden * (high - low)));
        var (atLeft, atRight) = (Match(family, arguments(left), target), Match(family, arguments(right), target));
        for (var k = 0; k < RefinementSteps; k++)
        {
            if (Better(atLeft, atRight))
            {
                (high, right, atRight) = (right, left, atLeft);
                left = high - (InverseGolden * (high - low));
                atLeft = Match(family, arguments(left), target);
            }
            else
            {
                (low, left, atLeft) = (left, right, atRight);
                right = low + (InverseGolden * (high - low));
                atRight = Match(family, arguments(right), target);
            }
        }

        // A best value on the range's boundary stays exact: refinement only approaches it.
        return new[] { atLeft, atRight }.Aggregate(best, (kept, refined) => Better(refined, kept) ? refined : kept);
    }

    // Every family's grid: the members and their gradients do not depend on the loss looked up, so they are computed
    // once.
    private static Point[] Grid(ZooFamily family)
    {
        var (from, to, arguments) = Coordinate(family);
        var count = from == to ? 1 : GridPoints;
        var step = (to - from) / Math.Max(1, count - 1);
        return [.. Enumerable.Range(0, count)
            .Select(i => Point.Of(family.Create(arguments(i == count - 1 ? to : from + (i * step)))))];
    }

    private static bool Better(NearestKnownLoss? a, NearestKnownLoss? b) =>
        a is not null && (b is null || a.Cosine > b.Cosine);

    /// <summary>
    /// The coordinate a family is searched along: its range and how a point of it becomes the family's arguments.
    /// </summary>
    private static (double From, double To, Func<double, double[]> Arguments) Coordinate(ZooFamily family)
    {
        switch (family.Parameters.Count)
        {
            case 0:
                return (0, 0, _ => []);
            case 1:
            {
                var parameter = family.Parameters[0];
                // An excluded end is approached to a thousandth of the range.
                var margin = (parameter.Max - parameter.Min) * 1e-3;
                var (min, max) = (
                    parameter.Min + (parameter.MinExcluded ? margin : 0),
                    parameter.Max - (parameter.MaxExcluded ? margin : 0));
                return (Math.Asinh(min), Math.Asinh(max), u => [Math.Clamp(Math.Sinh(u), min, max)]);
            }

            case 2 when family.Parameters.All(p => p.Admits(0) && p.Admits(1)):
                return (0, Math.PI / 2, Direction);
            default:
                throw new NotSupportedException(
                    $"{family.Signature}: the nearest-loss search reads families of at most two weights "
                    + "(alpha·A + beta·B)");
        }
    }

    // (cos θ, sin θ) with the larger weight 1; the ends are exact (one weight 0).
    private static double[] Direction(double angle)
    {
        var (alpha, beta) = (Math.Cos(angle), Math.Sin(angle));
        var larger = Math.Max(alpha, beta);
        return [alpha < 1e-12 ? 0 : Math.Min(1, alpha / larger), beta < 1e-12 ? 0 : Math.Min(1, beta / larger)];
    }

    private static NearestKnownLoss? Match(ZooFamily family, double[] arguments, Target target) =>
        Match(Point.Of(family.Create(arguments)), target);

    private static NearestKnownLoss? Match(Point point, Target target)
    {
        var dot = 0.0;
        for (var i = 0; i < target.Weighted.Length; i++)
        {
            dot += target.Weighted[i] * point.Gradient[i];
        }

        var squared = 0.0;
        for (var i = 0; i < target.SampleWeights.Length; i++)
        {
            squared += target.SampleWeights[i] * point.SampleSquares[i];
        }

        var cosine = dot / (Math.Sqrt(squared) * target.Norm);
        return double.IsFinite(cosine) && squared > 0
            ? new NearestKnownLoss(point.Member, Math.Max(0, dot / squared), cosine)
            : null;
    }

    // Squared length of each probe sample's part of a gradient.
    private static double[] SampleSquares(double[] gradient)
    {
        var classes = Probes.Classes;
        var squares = new double[gradient.Length / classes];
        for (var i = 0; i < gradient.Length; i++)
        {
            squares[i / classes] += gradient[i] * gradient[i];
        }

        return squares;
    }

    /// <summary>A zoo member with its gradient on the probes.</summary>
    private sealed record Point(ZooLoss Member, double[] Gradient, double[] SampleSquares)
    {
        public static Point Of(ZooLoss member)
        {
            var gradient = KnownLossFinder.Gradient(member.Loss);
            return new(member, gradient, KnownLossFinder.SampleSquares(gradient));
        }
    }

    /// <summary>
    /// The loss looked up: the squared weight of each probe sample (1 over its squared gradient length, floored at 1%
    /// of the steepest sample's length), its gradient times those weights, and its weighted length.
    /// </summary>
    private sealed record Target(double[] Weighted, double[] SampleWeights, double Norm)
    {
        private const double Floor = 0.01;

        public static Target? Of(double[] gradient)
        {
            var squares = SampleSquares(gradient);
            var steepest = Math.Sqrt(squares.Max());
            if (!(steepest >= NegligibleGradient) || !double.IsFinite(steepest)
                || gradient.Any(g => !double.IsFinite(g)))
            {
                return null;
            }

            var weights = squares.Select(s => 1 / Math.Max(s, Floor * Floor * steepest * steepest)).ToArray();
            var classes = Probes.Classes;
            var weighted = gradient.Select((g, i) => g * weights[i / classes]).ToArray();
            var norm = Math.Sqrt(squares.Select((s, i) => s * weights[i]).Sum());
            return new(weighted, weights, norm);
        }
    }
}
