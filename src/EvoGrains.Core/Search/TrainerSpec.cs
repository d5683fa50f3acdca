namespace EvoGrains.Core.Search;

/// <summary>Trainers (one per device) and whether CPU silos may host them.</summary>
public sealed record TrainerSpec
{
    public int Count { get; init; } = 1;

    public bool AllowCpu { get; init; } = true;

    /// <summary>libtorch threads per trainer, so the Orleans scheduler is never starved.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>A job not heartbeated for this long is handed to another trainer.</summary>
    public int LeaseSeconds { get; init; } = 30;

    /// <summary>Jobs a trainer leases and trains together as one packed model; 1 trains one candidate at a time.</summary>
    public int PackSize { get; init; } = 1;

    public const int MaxPackSize = 256;
}
