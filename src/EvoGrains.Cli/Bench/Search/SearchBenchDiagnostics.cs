using EvoGrains.Cli.Runs;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Bench.Search;

/// <summary>
/// Why a search did as it did: the share of bred losses that never trained (rejected by screening, or duplicates), what
/// each operator's children did against their parents, how well a <see cref="PhenotypeSurrogate"/> of the search's
/// results ranks them (each predicted from all the others), and the validation gap between the best and the fifth best
/// loss, which selection must see through the fitness noise.
/// </summary>
public sealed record SearchBenchDiagnostics(
    double RejectedShare,
    double DuplicateShare,
    IReadOnlyList<OperatorEffect> Operators,
    double SurrogateCorrelation,
    double TopFiveGap)
{
    public static SearchBenchDiagnostics Of(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var firstRung = run.History
            .Where(h => h.Status == EvaluationStatus.Completed && h.Rung == 0 && double.IsFinite(h.Fitness))
            .ToList();
        var generated =
            (double)(run.RejectedByScreening + run.Deduplicated + run.History.Count(h => h.Rung == 0 && !h.Shared));
        var surrogate = new PhenotypeSurrogate();
        foreach (var entry in firstRung)
        {
            surrogate.Add(IntegrityCheck.Run(entry.Loss.ToLoss()).Phenotype, entry.Fitness);
        }

        var ranked = firstRung.Select(h => h.Fitness).OrderDescending().ToList();
        return new SearchBenchDiagnostics(
            generated > 0 ? run.RejectedByScreening / generated : double.NaN,
            generated > 0 ? run.Deduplicated / generated : double.NaN,
            OperatorEffect.Of(run.History),
            surrogate.LeaveOneOutCorrelation(),
            ranked.Count >= 5 ? ranked[0] - ranked[4] : double.NaN);
    }
}
