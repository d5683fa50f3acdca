using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>
/// A finished elimination round: its budget, the validation table of every loss it trained, and the names it kept.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.final-round-result")]
public sealed record FinalRoundResult(
    [Id(0)] int Round,
    [Id(1)] int Steps,
    [Id(2)] int Seeds,
    [Id(3)] int? TrainSubset,
    [Id(4)] IReadOnlyList<ComparisonRow> Rows,
    [Id(5)] IReadOnlyList<string> Kept);
