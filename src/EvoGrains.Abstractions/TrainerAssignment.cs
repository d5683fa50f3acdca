using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions;

/// <summary>
/// What a trainer needs to pull jobs: its search, the evaluation spec and the lease length. Records compare by value,
/// so a repeated assignment is recognised as the same.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.trainer-assignment")]
public sealed record TrainerAssignment(
    [property: Id(0)] string SearchId,
    [property: Id(1)] EvaluationSpec Evaluation,
    [property: Id(2)] int LeaseSeconds)
{
    /// <summary>Jobs the trainer trains together as one packed model (<c>trainers.packSize</c>).</summary>
    [Id(3)]
    public int PackSize { get; init; } = 1;
}
