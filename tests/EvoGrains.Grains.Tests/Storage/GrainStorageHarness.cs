using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace EvoGrains.Grains.Tests.Storage;

/// <summary>The few Orleans services a storage provider needs, without a silo.</summary>
internal static class GrainStorageHarness
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    public static IActivatorProvider ActivatorProvider => Services.GetRequiredService<IActivatorProvider>();

    public static IGrainStorageSerializer Serializer { get; } =
        new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions()));

    /// <summary>Orleans' binary format, as the silo configures it.</summary>
    public static IGrainStorageSerializer BinarySerializer { get; } = new OrleansGrainStorageSerializer(Services.GetRequiredService<Serializer>());

    public static GrainId NewGrainId() => GrainId.Create("counter", Guid.NewGuid().ToString("N"));
}
