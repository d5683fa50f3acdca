namespace EvoGrains.Abstractions;

/// <summary>A search as the registry lists it.</summary>
[GenerateSerializer, Immutable, Alias("evograins.search-summary")]
public sealed record SearchSummary(
    [property: Id(0)] string SearchId,
    [property: Id(1)] string Name,
    [property: Id(2)] SearchState State,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset UpdatedAt);
