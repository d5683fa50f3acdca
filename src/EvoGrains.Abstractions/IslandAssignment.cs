using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions;

/// <summary>What an island needs to start: its search, its index, and the validated spec.</summary>
[GenerateSerializer, Immutable, Alias("evograins.island-assignment")]
public sealed record IslandAssignment(
    [property: Id(0)] string SearchId,
    [property: Id(1)] int Index,
    [property: Id(2)] SearchSpec Spec);
