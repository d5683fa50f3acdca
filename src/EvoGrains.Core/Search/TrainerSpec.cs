using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>Trainers (one per device) and whether CPU silos may host them.</summary>
[GenerateSerializer, Immutable, Alias("evograins.trainer-spec")]
public sealed record TrainerSpec
{
    [Id(0)] internal readonly int count = 1;

    public int Count { get => count; init => count = value; }

    [Id(1)] internal readonly bool allowCpu = true;

    public bool AllowCpu { get => allowCpu; init => allowCpu = value; }

    [Id(2)] internal readonly int threads = 1;

    /// <summary>libtorch threads per trainer, so the Orleans scheduler is never starved.</summary>
    public int Threads { get => threads; init => threads = value; }

    [Id(3)] internal readonly int leaseSeconds = 30;

    /// <summary>A job not heartbeated for this long is handed to another trainer.</summary>
    public int LeaseSeconds { get => leaseSeconds; init => leaseSeconds = value; }

    [Id(4)] internal readonly int packSize = 1;

    /// <summary>
    /// Jobs a trainer leases and trains together as one packed model; 1 trains one candidate at a time.
    /// </summary>
    public int PackSize { get => packSize; init => packSize = value; }

    public const int MaxPackSize = 256;
}
