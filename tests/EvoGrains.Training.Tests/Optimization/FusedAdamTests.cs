using EvoGrains.Core.Search.Registries;
using EvoGrains.Training.Optimization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EvoGrains.Training.Tests.Optimization;

/// <summary>The fused kernel makes TorchSharp's Adam update: same moments, bias correction, weight decay and learning rate.</summary>
public sealed class FusedAdamTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-3)]
    public void Fused_steps_follow_torchsharps_adam_over_a_changing_learning_rate(double weightDecay)
    {
        using var scope = torch.NewDisposeScope();
        var generator = new Random(5);
        var shapes = new long[][] { [4, 33, 17], [4, 10] };
        var start = shapes.Select(s => torch.randn(s, generator: torch.manual_seed(generator.Next()))).ToArray();
        var reference = start.Select(t => new Parameter(t.clone())).ToArray();
        var fused = start.Select(t => new Parameter(t.clone())).ToArray();
        using var adam = OptimizerFactory.Create(OptimizerRegistry.Adam.Name, reference, 0.01, weightDecay: weightDecay, fused: false);
        using var fusedAdam = OptimizerFactory.Create(OptimizerRegistry.Adam.Name, fused, 0.01, weightDecay: weightDecay);
        Assert.IsType<FusedAdam>(fusedAdam);
        var schedule = new WarmupCosineSchedule(0.01, 5, 40);

        for (var step = 0; step < 40; step++)
        {
            for (var i = 0; i < shapes.Length; i++)
            {
                var gradient = torch.randn(shapes[i]) * (1 + (step % 5));
                reference[i].grad = gradient.clone();
                fused[i].grad = gradient.clone();
            }

            schedule.Apply(adam, step);
            schedule.Apply(fusedAdam, step);
            adam.step();
            fusedAdam.step();
        }

        for (var i = 0; i < shapes.Length; i++)
        {
            var moved = (reference[i] - start[i]).abs().max().item<float>();
            var difference = (reference[i] - fused[i]).abs().max().item<float>();
            Assert.True(moved > 0.05, $"parameter {i} moved only {moved}");
            Assert.True(difference < 1e-5 * Math.Max(1, moved) + 1e-6, $"parameter {i}: fused differs by {difference} after moving {moved}");
        }
    }

    [Fact]
    public void A_parameter_without_a_gradient_is_left_alone()
    {
        using var scope = torch.NewDisposeScope();
        var used = new Parameter(torch.ones(3));
        var unused = new Parameter(torch.ones(3));
        using var adam = OptimizerFactory.Create(OptimizerRegistry.Adam.Name, [used, unused], 0.1);
        used.grad = torch.ones(3);

        adam.step();

        Assert.True(used.lt(1).all().item<bool>());
        Assert.True(unused.eq(1).all().item<bool>());
    }
}
