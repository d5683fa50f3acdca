namespace EvoGrains.Core.Search;

/// <summary>After the budget: retrain the top-k longer over several seeds against the baselines (METHODS.md §6).</summary>
public sealed record FinalStageSpec
{
    public int TopK { get; init; } = 3;

    public int Steps { get; init; } = 600;

    public int Seeds { get; init; } = 5;

    public IReadOnlyList<string> Baselines { get; init; } = ["ce", "ls-ce", "focal", "baikal", "ngl"];
}
