using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions;

/// <summary>Results an island has not yet had acknowledged (its outbox), with its current status.</summary>
[GenerateSerializer, Immutable, Alias("evograins.island-report")]
public sealed record IslandReport(
    [property: Id(0)] int Island,
    [property: Id(1)] IReadOnlyList<HistoryEntry> Results,
    [property: Id(2)] IslandStatus Status);
