using EvoGrains.Abstractions;

namespace EvoGrains.Grains.Queue;

/// <summary>A job waiting (no trainer) or leased to <see cref="TrainerId"/> until <see cref="LeaseExpiresAt"/>.</summary>
[GenerateSerializer, Alias("evograins.queued-job")]
public sealed class QueuedJob
{
    [Id(0)]
    public required EvaluationJob Job { get; set; }

    [Id(1)]
    public string? TrainerId { get; set; }

    [Id(2)]
    public DateTimeOffset LeasedAt { get; set; }

    [Id(3)]
    public DateTimeOffset LeaseExpiresAt { get; set; }

    [Id(4)]
    public int Attempts { get; set; }
}
