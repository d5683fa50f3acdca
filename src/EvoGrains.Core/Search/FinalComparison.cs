namespace EvoGrains.Core.Search;

/// <summary>The final stage's table: the kept losses and the baselines retrained for <see cref="Steps"/> steps over <see cref="Seeds"/> seeds.</summary>
public sealed record FinalComparison(int Steps, int Seeds, IReadOnlyList<ComparisonRow> Rows, DateTimeOffset CompletedAt);
