using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>
/// One fidelity of the search's successive halving (METHODS.md §7): a candidate at this rung trains
/// <see cref="Seeds"/> times for <see cref="Steps"/> steps and its fitness is the mean validation accuracy.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.rung-spec")]
public sealed record RungSpec
{
    [Id(0)] internal readonly int steps = 200;

    public int Steps { get => steps; init => steps = value; }

    [Id(1)] internal readonly int seeds = 1;

    public int Seeds { get => seeds; init => seeds = value; }

    /// <summary>Training steps one evaluation at this rung costs (every seed trains).</summary>
    public long Cost => (long)Steps * Seeds;
}
