namespace EvoGrains.Core.Search.Queue;

/// <summary>A job not completed yet and how often it has been leased.</summary>
public sealed record OpenJob<TJob>(TJob Job, int Attempts);
