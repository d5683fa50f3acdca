namespace EvoGrains.Cli.Commands;

/// <summary>
/// What `data check` prints: the spec's dataset as loaded and its model, as checked. Null fields do not apply.
/// </summary>
public sealed record DataReport
{
    public required string Evaluator { get; init; }

    public string? Dataset { get; init; }

    /// <summary>The folder or file read (the dataset's default when the spec names none).</summary>
    public string? DataPath { get; init; }

    /// <summary>Class names in label order.</summary>
    public IReadOnlyList<string>? Classes { get; init; }

    /// <summary>Images of the training split, validation included.</summary>
    public int? Train { get; init; }

    /// <summary>Training images held out to measure fitness (evaluation.validationSize).</summary>
    public int? Validation { get; init; }

    /// <summary>Training images a run trains on (evaluation.trainSubset, at most what validation leaves).</summary>
    public int? TrainedOn { get; init; }

    public int? Test { get; init; }

    public ImageSize? Shape { get; init; }

    /// <summary>The file the decoded images are cached in; null when the dataset needs none.</summary>
    public string? Cache { get; init; }

    /// <summary>Why the decoded images could not be cached.</summary>
    public string? CacheProblem { get; init; }

    public string? Model { get; init; }

    public string? ModelPath { get; init; }

    public bool? Pretrained { get; init; }

    public sealed record ImageSize(int Channels, int Height, int Width);
}
