using EvoGrains.Core.Evaluation;
using EvoGrains.Grains.Placement;
using EvoGrains.Grains.Storage;
using EvoGrains.Grains.Storage.FileSystem;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace EvoGrains.Grains.Tests.Searching;

/// <summary>
/// Three in-process silos with every EvoGrains grain, CPU trainers allowed everywhere, and the
/// "evograins" storage provider: memory storage, or file storage when a test kills a silo (memory
/// storage keeps state in grains that die with their silo, so it cannot show self-healing).
/// </summary>
public abstract class SearchClusterFixture(bool durableStorage) : IAsyncLifetime
{
    private const short SiloCount = 3;
    private const string MemoryStorageName = "evograins-memory";

    private readonly string storageFolder = Path.Combine(Path.GetTempPath(), "evograins-grain-tests", Guid.NewGuid().ToString("N"));
    private InProcessTestCluster? cluster;

    public InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("Cluster not deployed.");

    public IClusterClient Client => Cluster.Client;

    /// <summary>How many times the grain wrote its state, on any silo (memory storage only).</summary>
    public int WritesOf(GrainId grainId) => Cluster.Silos
        .Select(silo => Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredKeyedService<IGrainStorage>(EvoGrainsStorage.ProviderName))
        .OfType<CountingGrainStorage>()
        .Sum(storage => storage.WritesOf(grainId));

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(SiloCount);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            // The silo's storage format (EvoGrainsSiloExtensions), so tests persist state as production does.
            silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
            if (durableStorage)
            {
                silo.AddFileGrainStorage(EvoGrainsStorage.ProviderName, options => options.RootFolder = storageFolder);
            }
            else
            {
                // Counted, so a test can tell how often a grain wrote its state.
                silo.AddMemoryGrainStorage(MemoryStorageName);
                silo.Services.AddKeyedSingleton<IGrainStorage>(
                    EvoGrainsStorage.ProviderName,
                    (services, _) => new CountingGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(MemoryStorageName)));
            }

            silo.AddGpuTrainerPlacement(Accelerator.Cpu);
            silo.Services.Configure<GpuPlacementOptions>(options => options.AllowCpuTrainers = true);
            silo.Services.AddEvoGrainsGrains(resilience =>
            {
                resilience.QueueCallRetryDelay = TimeSpan.FromMilliseconds(100);
                resilience.EvaluationRetryDelay = TimeSpan.FromMilliseconds(20);
                resilience.BreakDuration = TimeSpan.FromSeconds(30);
            });
            silo.Services.AddKeyedSingleton<IEvaluatorFactory, BrokenDeviceEvaluatorFactory>("training");
        });

        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }

        if (Directory.Exists(storageFolder))
        {
            Directory.Delete(storageFolder, recursive: true);
        }
    }
}
