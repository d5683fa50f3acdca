namespace EvoGrains.Core.Search.Registries;

/// <summary>
/// One model of <see cref="ModelRegistry"/>: its name in specs, a line for help and docs, and whether it is the
/// user's file (<c>evaluation.modelPath</c>, <c>evaluation.pretrained</c>). How it is built is Training's:
/// <c>ModelBuilders</c> binds each name to a builder.
/// </summary>
public sealed record ModelDescriptor : IRegistryEntry
{
    public required string Name { get; init; }

    /// <summary>One line for `--help`, the spec reference and `data check`.</summary>
    public required string Description { get; init; }

    /// <summary>
    /// The model is a file the spec names in <c>evaluation.modelPath</c> (which may also set <c>pretrained</c>).
    /// </summary>
    public bool ReadsModelPath { get; init; }
}
