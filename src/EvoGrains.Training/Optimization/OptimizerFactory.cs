using System.Collections.Frozen;
using EvoGrains.Core.Search.Registries;
using TorchSharp;
using TorchSharp.Modules;

namespace EvoGrains.Training.Optimization;

/// <summary>
/// The builder of every optimizer of <see cref="OptimizerRegistry"/> (Core's list, which the validator, help and docs
/// read): an optimizer is added there and here, and a test checks that the two name the same optimizers.
/// </summary>
public static class OptimizerFactory
{
    /// <summary>
    /// Each optimizer from (parameters, learning rate, momentum, weight decay, fused); each reads the settings it has.
    /// </summary>
    internal static FrozenDictionary<
        string, Func<IEnumerable<Parameter>, double, double, double, bool, torch.optim.Optimizer>> Builders
    { get; } =
        new Dictionary<string, Func<IEnumerable<Parameter>, double, double, double, bool, torch.optim.Optimizer>>(
            StringComparer.Ordinal)
        {
            [OptimizerRegistry.Adam.Name] = (parameters, learningRate, _, weightDecay, fused) => fused
                ? new FusedAdam(parameters, learningRate, weightDecay)
                : new HeldScalarAdam(parameters, learningRate, weightDecay),
            [OptimizerRegistry.Sgd.Name] = (parameters, learningRate, momentum, weightDecay, _) =>
                new HeldScalarSgd(parameters, learningRate, momentum, weightDecay),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <param name="name">An optimizer of <see cref="OptimizerRegistry"/>.</param>
    /// <param name="fused">Adam steps with libtorch's fused kernel; false: TorchSharp's element-wise update.</param>
    /// <exception cref="ArgumentException">The registry has no optimizer of that name.</exception>
    public static torch.optim.Optimizer Create(
        string name,
        IEnumerable<Parameter> parameters,
        double learningRate,
        double momentum = 0.9,
        double weightDecay = 0.0,
        bool fused = true) =>
        (Builders.GetValueOrDefault(OptimizerRegistry.Get(name).Name)
            ?? throw new InvalidOperationException($"the {name} optimizer has no builder"))
            .Invoke(parameters, learningRate, momentum, weightDecay, fused);
}
