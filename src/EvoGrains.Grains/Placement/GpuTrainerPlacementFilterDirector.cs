using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace EvoGrains.Grains.Placement;

internal sealed class GpuTrainerPlacementFilterDirector(
    ISiloMetadataCache siloMetadata,
    IOptions<GpuPlacementOptions> options)
    : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(
        PlacementFilterStrategy filterStrategy,
        PlacementTarget target,
        IEnumerable<SiloAddress> silos)
    {
        if (options.Value.AllowCpuTrainers)
        {
            return silos;
        }

        // A silo whose metadata has not reached the cache yet reads as empty and is skipped:
        // a trainer must never land on an unconfirmed GPU.
        return silos.Where(silo =>
            siloMetadata.GetSiloMetadata(silo).Metadata.TryGetValue(AcceleratorMetadata.Key, out var value)
            && string.Equals(value, AcceleratorMetadata.Gpu, StringComparison.Ordinal));
    }
}
