namespace EvoGrains.Core.Search;

/// <summary>
/// One arm's rank in each table of a <see cref="RankSummary"/> (1 is the best mean; NaN where the arm is missing) and
/// its mean rank.
/// </summary>
public sealed record RankSummaryRow(string Name, bool IsBaseline, IReadOnlyList<double> Ranks, double MeanRank);
