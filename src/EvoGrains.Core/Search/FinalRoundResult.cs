namespace EvoGrains.Core.Search;

/// <summary>A finished elimination round: its budget, the validation table of every loss it trained, and the names it kept.</summary>
public sealed record FinalRoundResult(int Round, int Steps, int Seeds, int? TrainSubset, IReadOnlyList<ComparisonRow> Rows, IReadOnlyList<string> Kept);
