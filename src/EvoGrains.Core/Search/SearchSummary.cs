namespace EvoGrains.Core.Search;

/// <summary>A search as the registry lists it.</summary>
public sealed record SearchSummary(
    string SearchId,
    string Name,
    SearchState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
