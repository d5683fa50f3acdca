namespace EvoGrains.Core.Search.Registries;

/// <summary>
/// One search method of <see cref="MethodRegistry"/>: its name in specs, a line for help and docs, and what it needs of
/// the islands' settings. How it breeds is Evolution's: <c>StrategyFactory</c> binds each name to a strategy.
/// </summary>
public sealed record MethodDescriptor : IRegistryEntry
{
    public required string Name { get; init; }

    /// <summary>One line for `--help` and the spec reference.</summary>
    public required string Description { get; init; }

    /// <summary>
    /// The genomes it breeds whatever <c>islands.space</c> says ("tree/glo", "taylorglo"); null: the space's
    /// ("cell" or "tree/&lt;operators&gt;"). Islands exchange migrants only between readable genomes.
    /// </summary>
    public string? OwnGenomes { get; init; }

    /// <summary>It breeds by crossover, which NLFS cells do not have: <c>islands.space</c> must be "tree".</summary>
    public bool NeedsTreeSpace { get; init; }
}
