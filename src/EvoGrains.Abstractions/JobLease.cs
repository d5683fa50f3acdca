namespace EvoGrains.Abstractions;

/// <summary>
/// A job handed to one trainer until <see cref="ExpiresAt"/> unless it heartbeats; <see cref="Attempt"/> counts
/// leases of this job.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.job-lease")]
public sealed record JobLease(
    [property: Id(0)] EvaluationJob Job,
    [property: Id(1)] int Attempt,
    [property: Id(2)] DateTimeOffset ExpiresAt);
