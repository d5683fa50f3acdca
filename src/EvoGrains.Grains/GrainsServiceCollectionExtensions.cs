using EvoGrains.Core.Evaluation;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search.Registries;
using EvoGrains.Grains.Resilience;
using EvoGrains.Grains.Searches;
using EvoGrains.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EvoGrains.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Services the EvoGrains grains need on every silo: the screening funnel, the synthetic
    /// evaluator factory (keyed "synthetic"), the trainers' Polly pipelines, and the start-up task that wakes
    /// the searches underway. The "training"
    /// evaluator is TorchSharp's, registered by EvoGrains.Hosting (or a test's stand-in).
    /// </summary>
    public static IServiceCollection AddEvoGrainsGrains(
        this IServiceCollection services, Action<TrainerResilienceOptions>? configureResilience = null)
    {
        services.TryAddSingleton<ScreeningFunnel>();
        services.TryAddSingleton<EvoGrainsMetrics>();
        services.TryAddKeyedSingleton<IEvaluatorFactory, SyntheticEvaluatorFactory>(EvaluatorRegistry.Synthetic.Name);
        var options = services.AddOptions<TrainerResilienceOptions>();
        if (configureResilience is not null)
        {
            options.Configure(configureResilience);
        }

        services.TryAddSingleton<TrainerResilience>();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, UnderwaySearchWaker>());
        return services;
    }
}
