namespace EvoGrains.Grains.Queue;

/// <summary>Who holds a job and until when; in memory only (see <see cref="Abstractions.IEvaluationQueueGrain"/>).</summary>
internal sealed class LeaseRecord(string trainerId, DateTimeOffset leasedAt, DateTimeOffset expiresAt)
{
    public string TrainerId { get; } = trainerId;

    public DateTimeOffset LeasedAt { get; } = leasedAt;

    public DateTimeOffset ExpiresAt { get; set; } = expiresAt;
}
