using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace EvoGrains.Grains.Placement;

public static class GpuPlacementExtensions
{
    /// <summary>
    /// Publishes this silo's accelerator as silo metadata and enables <see cref="GpuTrainerPlacementAttribute"/>.
    /// Owns the silo's only <c>UseSiloMetadata</c> call (a second call would register the metadata
    /// services twice), so any other metadata goes through <paramref name="additionalMetadata"/>.
    /// Configure <see cref="GpuPlacementOptions"/> separately (e.g. from
    /// <see cref="GpuPlacementOptions.SectionName"/>).
    /// </summary>
    public static ISiloBuilder AddGpuTrainerPlacement(
        this ISiloBuilder builder,
        Accelerator accelerator,
        IReadOnlyDictionary<string, string>? additionalMetadata = null)
    {
        var metadata = new Dictionary<string, string>(
            additionalMetadata ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [AcceleratorMetadata.Key] = accelerator.ToMetadataValue(),
        };

        builder.UseSiloMetadata(metadata);
        builder.Services.AddOptions<GpuPlacementOptions>();
        builder.Services.AddPlacementFilter<GpuTrainerPlacementFilterStrategy, GpuTrainerPlacementFilterDirector>(
            ServiceLifetime.Transient);
        return builder;
    }
}
