using EvoGrains.Training.Optimization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EvoGrains.Training.Tests.Optimization;

/// <summary>The SGD trainers use is TorchSharp's update, bit for bit, with its Scalars held through each call.</summary>
public sealed class HeldScalarSgdTests
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
        using var heldSgd = OptimizerFactory.Create(OptimizerKind.Sgd, held, 0.05, momentum, weightDecay);
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
}
