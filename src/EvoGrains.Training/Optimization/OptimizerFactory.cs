using TorchSharp;
using TorchSharp.Modules;

namespace EvoGrains.Training.Optimization;

public static class OptimizerFactory
{
    public static torch.optim.Optimizer Create(
        OptimizerKind kind,
        IEnumerable<Parameter> parameters,
        double learningRate,
        double momentum = 0.9,
        double weightDecay = 0.0,
        bool fused = true) => kind switch
        {
            OptimizerKind.Adam when fused => new FusedAdam(parameters, learningRate, weightDecay),
            OptimizerKind.Adam => new HeldScalarAdam(parameters, learningRate, weightDecay),
            OptimizerKind.Sgd => new HeldScalarSgd(parameters, learningRate, momentum, weightDecay),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown optimizer."),
        };
}
