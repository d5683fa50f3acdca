using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>Every <see cref="Every"/> results an island sends its best <see cref="Count"/> to a neighbour.</summary>
[GenerateSerializer, Immutable, Alias("evograins.migration-spec")]
public sealed record MigrationSpec
{
    [Id(0)] internal readonly int every = 25;

    public int Every { get => every; init => every = value; }

    [Id(1)] internal readonly int count = 2;

    public int Count { get => count; init => count = value; }

    [Id(2)] internal readonly string topology = "ring";

    /// <summary>"ring" or "random".</summary>
    public string Topology { get => topology; init => topology = value; }
}
