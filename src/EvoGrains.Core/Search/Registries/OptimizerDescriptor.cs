namespace EvoGrains.Core.Search.Registries;

/// <summary>
/// One optimizer of <see cref="OptimizerRegistry"/>: its name in specs and a line for help and docs. How it steps is
/// Training's: <c>OptimizerFactory</c> binds each name to a builder.
/// </summary>
public sealed record OptimizerDescriptor : IRegistryEntry
{
    public required string Name { get; init; }

    /// <summary>One line for `--help` and the spec reference.</summary>
    public required string Description { get; init; }
}
