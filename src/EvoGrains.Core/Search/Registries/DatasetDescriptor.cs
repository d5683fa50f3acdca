namespace EvoGrains.Core.Search.Registries;

/// <summary>
/// One dataset of <see cref="DatasetRegistry"/>: its name in specs, a line for help and docs, what
/// <c>evaluation.dataPath</c> names for it, and which of the dataset fields of <see cref="EvaluationSpec"/> it reads.
/// How it loads is Training's: <c>DatasetFormats</c> binds each name to a reader.
/// </summary>
public sealed record DatasetDescriptor : IRegistryEntry
{
    public required string Name { get; init; }

    /// <summary>One line for `--help`, the spec reference and `data check`.</summary>
    public required string Description { get; init; }

    /// <summary>The classes of its labels; null when the files decide (the user's images or arrays).</summary>
    public int? Classes { get; init; }

    /// <summary>
    /// What <c>evaluation.dataPath</c> names ("a folder with ..."); null when the dataset reads no files.
    /// </summary>
    public string? DataPath { get; init; }

    /// <summary>Where the files are when <c>evaluation.dataPath</c> is empty; null: the path must be given.</summary>
    public string? DefaultDataPath { get; init; }

    /// <summary>
    /// The dataset fields (<see cref="DatasetRegistry.Options"/>: imageSize, channels, layout) this dataset reads;
    /// a spec that sets another one to a value other than its default is refused.
    /// </summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>True when the dataset reads files and none are at a default place.</summary>
    public bool NeedsDataPath => DataPath is not null && DefaultDataPath is null;
}
