namespace EvoGrains.Abstractions;

/// <summary>The final stage: top-k losses and baselines retrained for <see cref="Steps"/> steps over <see cref="Seeds"/> seeds.</summary>
[GenerateSerializer, Immutable, Alias("evograins.final-comparison")]
public sealed record FinalComparison(
    [property: Id(0)] int Steps,
    [property: Id(1)] int Seeds,
    [property: Id(2)] IReadOnlyList<FinalArm> Arms,
    [property: Id(3)] DateTimeOffset CompletedAt);
