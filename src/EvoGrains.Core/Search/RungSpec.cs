namespace EvoGrains.Core.Search;

/// <summary>
/// One fidelity of the search's successive halving (METHODS.md §7): a candidate at this rung trains
/// <see cref="Seeds"/> times for <see cref="Steps"/> steps and its fitness is the mean validation accuracy.
/// </summary>
public sealed record RungSpec
{
    public int Steps { get; init; } = 200;

    public int Seeds { get; init; } = 1;

    /// <summary>Training steps one evaluation at this rung costs (every seed trains).</summary>
    public long Cost => (long)Steps * Seeds;
}
