using EvoGrains.Core.Evaluation;
using EvoGrains.Core.Search.Registries;
using Microsoft.Extensions.DependencyInjection;

namespace EvoGrains.Hosting.Tests.Evaluation;

/// <summary>The host registers exactly one evaluator factory per evaluator of Core's registry, keyed by its name.</summary>
public sealed class EvaluatorFactoriesTests
{
    [Fact]
    public void Every_registry_evaluator_has_a_factory_and_every_factory_a_registry_entry()
    {
        var services = new ServiceCollection().AddEvoGrainsEvaluators(trainingThreads: 1);
        var keys = services.Where(d => d.ServiceType == typeof(IEvaluatorFactory) && d.IsKeyedService).Select(d => d.ServiceKey as string);

        Assert.Equal(EvaluatorRegistry.Names.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        using var provider = services.BuildServiceProvider();
        Assert.All(EvaluatorRegistry.Names, name => Assert.NotNull(provider.GetKeyedService<IEvaluatorFactory>(name)));
    }
}
