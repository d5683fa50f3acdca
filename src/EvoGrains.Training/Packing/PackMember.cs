namespace EvoGrains.Training.Packing;

/// <summary>One candidate of a pack: its loss and the seed of its initial weights and batch order.</summary>
public sealed record PackMember(ITensorLoss Loss, int Seed)
{
    /// <summary>
    /// Cancelled when nobody wants this member's result any more; it is then frozen at the next read-back.
    /// </summary>
    public CancellationToken Withdrawn { get; init; }
}
