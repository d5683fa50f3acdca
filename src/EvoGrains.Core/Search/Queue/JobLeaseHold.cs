namespace EvoGrains.Core.Search.Queue;

/// <summary>Who holds a lease, since when, and until when unless it heartbeats.</summary>
internal sealed class JobLeaseHold(string trainerId, DateTimeOffset leasedAt, DateTimeOffset expiresAt)
{
    public string TrainerId { get; } = trainerId;

    public DateTimeOffset LeasedAt { get; } = leasedAt;

    public DateTimeOffset ExpiresAt { get; set; } = expiresAt;
}
