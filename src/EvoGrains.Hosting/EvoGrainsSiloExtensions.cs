using EvoGrains.Core.Evaluation;
using EvoGrains.Core.Search.Registries;
using EvoGrains.Grains;
using EvoGrains.Grains.Placement;
using EvoGrains.Grains.Telemetry;
using EvoGrains.Hosting.Configuration;
using EvoGrains.Hosting.Evaluation;
using EvoGrains.Hosting.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;

namespace EvoGrains.Hosting;

public static class EvoGrainsSiloExtensions
{
    /// <summary>Health check tag selected by <c>/health/ready</c>.</summary>
    public const string ReadyTag = "ready";

    // Orleans' own instruments, exported next to ours.
    private const string OrleansMeterName = "Microsoft.Orleans";

    private const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Adds an EvoGrains silo configured from the <c>EvoGrains</c> section (see <see cref="EvoGrainsSiloOptions"/>)
    /// and <c>EvoGrains:Placement</c>: clustering, the "evograins" storage provider, accelerator silo
    /// metadata and GPU trainer placement, dashboard, health checks and metrics. Shared by the silo
    /// executable and the CLI's embedded silo.
    /// </summary>
    /// <param name="configureSilo">Extra silo configuration applied last (embedding hosts, tests).</param>
    /// <exception cref="EvoGrainsConfigurationException">The configuration is invalid; the message names the
    /// key.</exception>
    public static IHostApplicationBuilder AddEvoGrainsSilo(
        this IHostApplicationBuilder builder,
        Action<ISiloBuilder>? configureSilo = null)
    {
        var options = EvoGrainsSiloOptionsReader.Read(builder.Configuration);
        var accelerator = AcceleratorDetector.Resolve(options.Silo.Accelerator);

        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.Configure<GpuPlacementOptions>(
            builder.Configuration.GetSection(GpuPlacementOptions.SectionName));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.Silo.ShutdownTimeout);
        builder.AddEvoGrainsMetrics();
        builder.Services.AddEvoGrainsEvaluators(builder.Configuration.GetValue(TrainingHostOptions.ThreadsKey, 0));
        builder.Services.AddEvoGrainsGrains();
        builder.Services.AddHealthChecks()
            .AddCheck<SiloActiveHealthCheck>(SiloActiveHealthCheck.Name, tags: [ReadyTag]);

        builder.UseOrleans(silo =>
        {
            silo.UseEvoGrainsClustering(options);
            silo.AddEvoGrainsStorage(options.Storage);
            silo.AddGpuTrainerPlacement(accelerator, ReadExtraSiloMetadata(builder.Configuration));
            if (options.Dashboard.Enabled)
            {
                silo.AddDashboard();
            }

            configureSilo?.Invoke(silo);
        });

        return builder;
    }

    /// <summary>
    /// The evaluator factories trainers use, one per <see cref="EvaluatorRegistry"/> entry keyed by its name (training
    /// with <paramref name="trainingThreads"/> libtorch threads, synthetic); also what `evograins replay` retrains
    /// with.
    /// </summary>
    public static IServiceCollection AddEvoGrainsEvaluators(this IServiceCollection services, int trainingThreads)
    {
        services.AddSingleton(new TrainingHostOptions(trainingThreads));
        services.AddKeyedSingleton<IEvaluatorFactory, TrainingEvaluatorFactory>(EvaluatorRegistry.Training.Name);
        services.TryAddKeyedSingleton<IEvaluatorFactory, SyntheticEvaluatorFactory>(EvaluatorRegistry.Synthetic.Name);
        return services;
    }

    private static void AddEvoGrainsMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EvoGrainsMetrics>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter(EvoGrainsMetrics.MeterName, OrleansMeterName));

        // Standard OpenTelemetry variable: export only where a collector is configured (e.g. by Helm).
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            telemetry.UseOtlpExporter();
        }
    }

    // Orleans:Metadata is Orleans' own convention for silo metadata (Orleans__Metadata__key=value).
    private static Dictionary<string, string> ReadExtraSiloMetadata(IConfiguration configuration) =>
        configuration.GetSection("Orleans:Metadata").GetChildren()
            .Where(entry => entry.Value is not null)
            .ToDictionary(entry => entry.Key, entry => entry.Value!, StringComparer.Ordinal);
}
