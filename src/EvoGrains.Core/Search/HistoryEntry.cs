using System.Text.Json.Serialization;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;
namespace EvoGrains.Core.Search;

/// <summary>
/// One evaluation as the search recorded it (a row of history.csv). The search assigns <see cref="Index"/>;
/// islands send -1. <see cref="Shared"/>: the result came from another island's training (dedup).
/// </summary>
public sealed record HistoryEntry
{
    public required long Index { get; init; }

    public required int Island { get; init; }

    public required string Hash { get; init; }

    public required string Expression { get; init; }

    public required LossText Loss { get; init; }

    public required string Genome { get; init; }

    public required double Fitness { get; init; }

    public required EvaluationStatus Status { get; init; }

    public required double Seconds { get; init; }

    public required string Operator { get; init; }

    public required IReadOnlyList<string> Parents { get; init; }

    public required string? Failure { get; init; }

    public required bool Shared { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>A failure that will not go away on retry (<see cref="EvaluationResult.Permanent"/>).</summary>
    public bool Permanent { get; init; }

    /// <summary>The successive-halving rung (0: the first); a promoted loss has one entry per rung it ran.</summary>
    public int Rung { get; init; }

    /// <summary>Training steps per seed.</summary>
    public int Steps { get; init; }

    /// <summary>Seeds behind <see cref="Fitness"/> (their mean).</summary>
    public int Seeds { get; init; } = 1;

    /// <summary>Sample standard deviation of the fitness over the seeds; NaN with one seed.</summary>
    public double Spread { get; init; } = double.NaN;

    /// <summary>
    /// The island's number for this result: its n-th absorbed result has sequence n, never reused (see
    /// <see cref="Islands.IslandRuntime.Reportable"/>); 0 when not set. The search counts a result iff its sequence is
    /// above the island's high-water mark.
    /// </summary>
    public long Sequence { get; init; }

    /// <summary>Training steps this result cost (none when another island's training was shared).</summary>
    [JsonIgnore]
    public long TrainingSteps => Shared ? 0 : (long)Steps * Seeds;

    [JsonIgnore]
    public FitnessRank Rank => new(Rung, Fitness);
}
