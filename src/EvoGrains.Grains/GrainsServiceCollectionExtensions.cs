using EvoGrains.Core.Screening;
using EvoGrains.Grains.Evaluation;
using EvoGrains.Grains.Resilience;
using EvoGrains.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EvoGrains.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Services the EvoGrains grains need on every silo: the screening funnel, the synthetic
    /// evaluator factories (keyed "synthetic" and "training"), and the trainers' Polly pipelines.
    /// </summary>
    public static IServiceCollection AddEvoGrainsGrains(this IServiceCollection services, Action<TrainerResilienceOptions>? configureResilience = null)
    {
        services.TryAddSingleton<ScreeningFunnel>();
        services.TryAddSingleton<EvoGrainsMetrics>();
        services.TryAddKeyedSingleton<IEvaluatorFactory, SyntheticEvaluatorFactory>(SyntheticEvaluatorFactory.EvaluatorName);
        services.TryAddSingleton(new TrainingHostOptions(0));
        services.TryAddKeyedSingleton<IEvaluatorFactory, TrainingEvaluatorFactory>(TrainingEvaluatorFactory.EvaluatorName);
        var options = services.AddOptions<TrainerResilienceOptions>();
        if (configureResilience is not null)
        {
            options.Configure(configureResilience);
        }

        services.TryAddSingleton<TrainerResilience>();
        return services;
    }
}
