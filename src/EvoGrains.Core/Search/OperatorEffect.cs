namespace EvoGrains.Core.Search;

/// <summary>
/// What one breeding operator did in a search: how many children it made that trained, how their validation fitness
/// followed their parents' (Spearman's rho of child against mean parent fitness), and how often a child beat its
/// parents. A correlation near 0 means the operator's children are as good as random draws, so selection cannot climb.
/// </summary>
/// <param name="Operator">The operator as history names it ("random", "mutation", "crossover", ...).</param>
/// <param name="Children">Completed first-rung results it bred (every parent found in the history, for bred
/// children).</param>
/// <param name="ParentCorrelation">Spearman's rho of child fitness against the mean of its parents'; NaN without
/// parents or with fewer than 3 children.</param>
/// <param name="ImprovedShare">Share of children fitter than the best of their parents; NaN without parents.</param>
/// <param name="MeanChange">Mean of child fitness minus the best parent's; NaN without parents.</param>
/// <param name="MeanFitness">Mean fitness of its children.</param>
public sealed record OperatorEffect(
    string Operator,
    int Children,
    double ParentCorrelation,
    double ImprovedShare,
    double MeanChange,
    double MeanFitness)
{
    /// <summary>
    /// One effect per operator of the completed first-rung results of <paramref name="history"/>, in order of first
    /// use.
    /// </summary>
    public static IReadOnlyList<OperatorEffect> Of(IReadOnlyList<HistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var firstRung = history
            .Where(h => h.Status == EvaluationStatus.Completed && h.Rung == 0 && double.IsFinite(h.Fitness))
            .ToList();
        var fitnessOf = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var entry in firstRung)
        {
            fitnessOf.TryAdd(entry.Hash, entry.Fitness);
        }

        return firstRung.GroupBy(h => h.Operator, StringComparer.Ordinal).Select(group =>
        {
            var bred = group.Where(h => h.Parents.Count > 0 && h.Parents.All(fitnessOf.ContainsKey)).ToList();
            var children = group.ToList();
            if (bred.Count == 0)
            {
                return new OperatorEffect(
                    group.Key, children.Count, double.NaN, double.NaN, double.NaN, children.Average(h => h.Fitness));
            }

            var parentMeans = bred.Select(h => h.Parents.Average(p => fitnessOf[p])).ToList();
            var parentBests = bred.Select(h => h.Parents.Max(p => fitnessOf[p])).ToList();
            var fitness = bred.Select(h => h.Fitness).ToList();
            return new OperatorEffect(
                group.Key,
                bred.Count,
                bred.Count < 3 ? double.NaN : RankCorrelation.Spearman(fitness, parentMeans),
                fitness.Zip(parentBests).Count(pair => pair.First > pair.Second) / (double)bred.Count,
                fitness.Zip(parentBests).Average(pair => pair.First - pair.Second),
                fitness.Average());
        }).ToList();
    }
}
