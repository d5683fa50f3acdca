using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;
using EvoGrains.Training.Optimization;
using TorchSharp;
using TorchSharp.Modules;

namespace EvoGrains.Training.Tests.Optimization;

/// <summary>Training builds exactly the optimizers Core's registry names, and a spec's optimizer reaches the training request.</summary>
public sealed class OptimizerFactoryTests
{
    [Fact]
    public void Every_registry_optimizer_has_a_builder_and_every_builder_a_registry_entry()
    {
        Assert.Equal(OptimizerRegistry.Names.Order(StringComparer.Ordinal), OptimizerFactory.Builders.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("adam", typeof(FusedAdam))]
    [InlineData("sgd", typeof(HeldScalarSgd))]
    public void A_specs_optimizer_is_built_by_name(string name, Type expected)
    {
        using var scope = torch.NewDisposeScope();
        var request = TrainingEvaluator.ToRequest(new EvaluationSpec { Optimizer = name }, seed: 1, threads: 1);

        using var optimizer = OptimizerFactory.Create(request.Optimizer, [new Parameter(torch.zeros(3))], 0.01);

        Assert.IsType(expected, optimizer);
    }

    [Fact]
    public void An_unknown_optimizer_is_refused_with_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => OptimizerFactory.Create("lion", [], 0.01));

        Assert.StartsWith("unknown optimizer 'lion'; known: adam, sgd", error.Message, StringComparison.Ordinal);
    }
}
