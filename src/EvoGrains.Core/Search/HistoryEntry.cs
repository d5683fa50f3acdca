using System.Text.Json.Serialization;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;
using Orleans;
namespace EvoGrains.Core.Search;

/// <summary>
/// One evaluation as the search recorded it (a row of history.csv). The search assigns <see cref="Index"/>;
/// islands send -1. <see cref="Shared"/>: the result came from another island's training (dedup).
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.history-entry")]
public sealed record HistoryEntry
{
    [Id(0)] internal readonly long index;

    public required long Index { get => index; init => index = value; }

    [Id(1)] internal readonly int island;

    public required int Island { get => island; init => island = value; }

    [Id(2)] internal readonly string hash = null!;

    public required string Hash { get => hash; init => hash = value; }

    [Id(3)] internal readonly string expression = null!;

    public required string Expression { get => expression; init => expression = value; }

    [Id(4)] internal readonly LossText loss = null!;

    public required LossText Loss { get => loss; init => loss = value; }

    [Id(5)] internal readonly string genome = null!;

    public required string Genome { get => genome; init => genome = value; }

    [Id(6)] internal readonly double fitness;

    public required double Fitness { get => fitness; init => fitness = value; }

    [Id(7)] internal readonly EvaluationStatus status;

    public required EvaluationStatus Status { get => status; init => status = value; }

    [Id(8)] internal readonly double seconds;

    public required double Seconds { get => seconds; init => seconds = value; }

    [Id(9)] internal readonly string @operator = null!;

    public required string Operator { get => @operator; init => @operator = value; }

    // An array, not the interface: a field of interface type makes every write name the list's runtime type.
    [Id(10)] internal readonly string[] parents = null!;

    public required IReadOnlyList<string> Parents { get => parents; init => parents = value as string[] ?? [.. value]; }

    [Id(11)] internal readonly string? failure;

    public required string? Failure { get => failure; init => failure = value; }

    [Id(12)] internal readonly bool shared;

    public required bool Shared { get => shared; init => shared = value; }

    [Id(13)] internal readonly DateTimeOffset completedAt;

    public required DateTimeOffset CompletedAt { get => completedAt; init => completedAt = value; }

    [Id(14)] internal readonly bool permanent;

    /// <summary>A failure that will not go away on retry (<see cref="EvaluationResult.Permanent"/>).</summary>
    public bool Permanent { get => permanent; init => permanent = value; }

    [Id(15)] internal readonly int rung;

    /// <summary>The successive-halving rung (0: the first); a promoted loss has one entry per rung it ran.</summary>
    public int Rung { get => rung; init => rung = value; }

    [Id(16)] internal readonly int steps;

    /// <summary>Training steps per seed.</summary>
    public int Steps { get => steps; init => steps = value; }

    [Id(17)] internal readonly int seeds = 1;

    /// <summary>Seeds behind <see cref="Fitness"/> (their mean).</summary>
    public int Seeds { get => seeds; init => seeds = value; }

    [Id(18)] internal readonly double spread = double.NaN;

    /// <summary>Sample standard deviation of the fitness over the seeds; NaN with one seed.</summary>
    public double Spread { get => spread; init => spread = value; }

    [Id(19)] internal readonly long sequence;

    /// <summary>
    /// The island's number for this result: its n-th absorbed result has sequence n, never reused (see
    /// <see cref="Islands.IslandRuntime.Reportable"/>); 0 when not set. The search counts a result iff its sequence is
    /// above the island's high-water mark.
    /// </summary>
    public long Sequence { get => sequence; init => sequence = value; }

    /// <summary>Training steps this result cost (none when another island's training was shared).</summary>
    [JsonIgnore]
    public long TrainingSteps => Shared ? 0 : (long)Steps * Seeds;

    [JsonIgnore]
    public FitnessRank Rank => new(Rung, Fitness);
}
