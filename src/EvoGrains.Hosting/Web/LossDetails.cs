using System.Collections.Concurrent;
using System.Globalization;
using EvoGrains.Core.Analysis;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Json;
using EvoGrains.Core.Search;

namespace EvoGrains.Hosting.Web;

/// <summary>
/// What the page shows of one hall-of-fame loss besides its numbers: the loss as LaTeX (rendered by KaTeX), its one-hot
/// halves and nearest known loss (the shapes of `loss check --json`), the halves as curves to plot beside CE's and the
/// nearest known loss's (as the run folder's one-hot-{rank}.png draws them), and its code for PyTorch and TorchSharp
/// (as report.md prints it).
/// </summary>
internal sealed record LossDetails(
    string Hash,
    string Expression,
    string Latex,
    OneHotHalvesJson Halves,
    NearestKnownLossJson? NearestKnownLoss,
    HalvesCurves Curves,
    string PyTorch,
    string TorchSharp)
{
    // Worked out once per loss (the nearest known loss takes the longest); a hash is the loss, so it never goes stale.
    private static readonly ConcurrentDictionary<string, LossDetails> Cache = new(StringComparer.Ordinal);
    private const int CacheLimit = 2000;

    // p = 0.01 .. 0.99: enough points for a small plot, few bytes.
    private static readonly double[] CurveP = [.. Enumerable.Range(1, 99).Select(i => i / 100.0)];

    public static LossDetails Of(HallOfFameEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Cache.TryGetValue(entry.Hash, out var known))
        {
            return known;
        }

        var loss = entry.Loss.ToLoss();
        var nearest = KnownLossFinder.Find(loss);
        var series = new List<HalvesCurve>
        {
            Curve("this loss", loss.OneHot, 1),
            Curve("ce", LossZoo.CrossEntropy.OneHot, 1),
        };
        if (nearest is { Member.Loss.Normalized.Count: 0 })
        {
            // A member with terms summed over classes (NCE...) has no halves to draw.
            series.Add(Curve(nearest.ScaledName, nearest.Member.Loss.OneHot, nearest.Scale));
        }

        var details = new LossDetails(
            entry.Hash,
            entry.Expression,
            LatexPrinter.Print(loss),
            OneHotHalvesJson.Of(loss.OneHot),
            NearestKnownLossJson.Of(nearest),
            new HalvesCurves(CurveP, series),
            CodePrinter.PyTorch(loss),
            CodePrinter.TorchSharp(loss));
        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        Cache[entry.Hash] = details;
        return details;
    }

    // Scale x one class's share of the loss over CurveP, shifted so that its finite minimum is 0 (a constant changes no
    // gradient), to 4 significant digits (a plot needs no more; the body stays small).
    private static HalvesCurve Curve(string name, OneHotHalves halves, double scale)
    {
        double[] Floored(bool isTrueClass)
        {
            var ts = CurveP.Select(p => scale * halves.Contribution(isTrueClass, p)).ToArray();
            var floor = ts.Where(double.IsFinite).DefaultIfEmpty(0).Min();
            return [.. ts.Select(t => double.IsFinite(t) ? Round(t - floor) : double.NaN)];
        }

        return new HalvesCurve(name, Floored(isTrueClass: true), Floored(isTrueClass: false));
    }

    private static double Round(double value) =>
        double.Parse(value.ToString("G4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

/// <summary>The halves over <see cref="P"/>, each shifted so its minimum is 0; null where not finite.</summary>
internal sealed record HalvesCurves(IReadOnlyList<double> P, IReadOnlyList<HalvesCurve> Series);

/// <summary>One loss's true-class half t(1, p) and other-class half t(0, p).</summary>
internal sealed record HalvesCurve(string Name, IReadOnlyList<double> TrueClass, IReadOnlyList<double> OtherClass);
