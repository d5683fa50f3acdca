using EvoGrains.Abstractions;

namespace EvoGrains.Grains.Searches;

/// <summary>One loss the final stage retrains: a hall-of-fame entry (named by hash) or a zoo baseline.</summary>
[GenerateSerializer, Immutable, Alias("evograins.final-arm-plan")]
public sealed record FinalArmPlan(
    [property: Id(0)] string Name,
    [property: Id(1)] bool IsBaseline,
    [property: Id(2)] string Expression,
    [property: Id(3)] LossText Loss);
