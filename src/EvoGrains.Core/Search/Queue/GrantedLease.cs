namespace EvoGrains.Core.Search.Queue;

/// <summary>A job handed to a trainer until <see cref="ExpiresAt"/>; <see cref="Attempt"/> counts its leases.</summary>
public sealed record GrantedLease<TJob>(TJob Job, int Attempt, DateTimeOffset ExpiresAt);
