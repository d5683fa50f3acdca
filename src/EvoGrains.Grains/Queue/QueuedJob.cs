using EvoGrains.Abstractions;

namespace EvoGrains.Grains.Queue;

/// <summary>An open job and how often it has been leased.</summary>
[GenerateSerializer, Alias("evograins.queued-job")]
public sealed class QueuedJob
{
    [Id(0)]
    public required EvaluationJob Job { get; set; }

    [Id(1)]
    public int Attempts { get; set; }
}
