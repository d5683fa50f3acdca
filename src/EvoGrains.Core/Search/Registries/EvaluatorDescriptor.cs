namespace EvoGrains.Core.Search.Registries;

/// <summary>
/// One evaluator of <see cref="EvaluatorRegistry"/>: its name in specs, a line for help and docs, and whether it trains
/// real models (and so reads the spec's data and model). Which factory makes it is the host's: each name is the key of
/// one keyed <c>IEvaluatorFactory</c>.
/// </summary>
public sealed record EvaluatorDescriptor : IRegistryEntry
{
    public required string Name { get; init; }

    /// <summary>One line for `--help` and the spec reference.</summary>
    public required string Description { get; init; }

    /// <summary>
    /// It trains the spec's model on the spec's data: the data check loads them, and `train` and `bench fidelity` need
    /// it.
    /// </summary>
    public bool Trains { get; init; }
}
