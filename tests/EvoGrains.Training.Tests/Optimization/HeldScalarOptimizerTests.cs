using EvoGrains.Core.Search.Registries;
using EvoGrains.Training.Optimization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EvoGrains.Training.Tests.Optimization;

/// <summary>SGD and unfused Adam are TorchSharp's updates, bit for bit, with their Scalars held through each call.</summary>
public sealed class HeldScalarOptimizerTests
{
    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.9, 0.0)]
    [InlineData(0.9, 1e-3)]
    public void Steps_are_torchsharps_sgd_bit_for_bit(double momentum, double weightDecay)
    {
        using var scope = torch.NewDisposeScope();
        var generator = new Random(3);
        var shapes = new long[][] { [4, 33, 17], [4, 10] };
        var start = shapes.Select(s => torch.randn(s, generator: torch.manual_seed(generator.Next()))).ToArray();
        var reference = start.Select(t => new Parameter(t.clone())).ToArray();
        var held = start.Select(t => new Parameter(t.clone())).ToArray();
        using var sgd = torch.optim.SGD(reference, 0.05, momentum: momentum, weight_decay: weightDecay);
        using var heldSgd = OptimizerFactory.Create(OptimizerRegistry.Sgd.Name, held, 0.05, momentum, weightDecay);
        Assert.IsType<HeldScalarSgd>(heldSgd);
        var schedule = new WarmupCosineSchedule(0.05, 5, 30);

        for (var step = 0; step < 30; step++)
        {
            for (var i = 0; i < shapes.Length; i++)
            {
                var gradient = torch.randn(shapes[i]);
                reference[i].grad = gradient.clone();
                held[i].grad = gradient.clone();
            }

            schedule.Apply(sgd, step);
            schedule.Apply(heldSgd, step);
            sgd.step();
            heldSgd.step();
        }

        for (var i = 0; i < shapes.Length; i++)
        {
            Assert.True((reference[i] - start[i]).abs().max().item<float>() > 0.05, $"parameter {i} barely moved");
            Assert.True(reference[i].eq(held[i]).all().item<bool>(), $"parameter {i} differs from TorchSharp's SGD");
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-3)]
    public void Unfused_adam_steps_are_torchsharps_adam_bit_for_bit(double weightDecay)
    {
        using var scope = torch.NewDisposeScope();
        var generator = new Random(4);
        var shapes = new long[][] { [4, 33, 17], [4, 10] };
        var start = shapes.Select(s => torch.randn(s, generator: torch.manual_seed(generator.Next()))).ToArray();
        var reference = start.Select(t => new Parameter(t.clone())).ToArray();
        var held = start.Select(t => new Parameter(t.clone())).ToArray();
        using var adam = torch.optim.Adam(reference, 0.01, weight_decay: weightDecay);
        using var heldAdam = OptimizerFactory.Create(OptimizerRegistry.Adam.Name, held, 0.01, weightDecay: weightDecay, fused: false);
        Assert.IsType<HeldScalarAdam>(heldAdam);
        var schedule = new WarmupCosineSchedule(0.01, 5, 30);

        for (var step = 0; step < 30; step++)
        {
            for (var i = 0; i < shapes.Length; i++)
            {
                var gradient = torch.randn(shapes[i]);
                reference[i].grad = gradient.clone();
                held[i].grad = gradient.clone();
            }

            schedule.Apply(adam, step);
            schedule.Apply(heldAdam, step);
            adam.step();
            heldAdam.step();
        }

        for (var i = 0; i < shapes.Length; i++)
        {
            Assert.True((reference[i] - start[i]).abs().max().item<float>() > 0.05, $"parameter {i} barely moved");
            Assert.True(reference[i].eq(held[i]).all().item<bool>(), $"parameter {i} differs from TorchSharp's Adam");
        }
    }
}
