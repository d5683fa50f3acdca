namespace EvoGrains.Core.Search;

/// <summary>Every <see cref="Every"/> results an island sends its best <see cref="Count"/> to a neighbour.</summary>
public sealed record MigrationSpec
{
    public int Every { get; init; } = 25;

    public int Count { get; init; } = 2;

    /// <summary>"ring" or "random".</summary>
    public string Topology { get; init; } = "ring";
}
