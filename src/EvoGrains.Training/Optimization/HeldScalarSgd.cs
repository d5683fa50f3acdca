using EvoGrains.Training.Native;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EvoGrains.Training.Optimization;

/// <summary>
/// TorchSharp's SGD update (weight decay, momentum with dampening, Nesterov, maximize), with every Scalar it hands to
/// libtorch held until the call has returned. TorchSharp's own step passes Scalars made on the fly from doubles, which
/// a collection can free while libtorch reads them (see <see cref="HeldScalars"/>).
/// </summary>
internal sealed class HeldScalarSgd(
    IEnumerable<Parameter> parameters,
    double learningRate,
    double momentum,
    double weightDecay)
    : TorchSharp.Modules.SGD(parameters, learningRate, momentum, weight_decay: weightDecay)
{
    public override Tensor step(Func<Tensor>? closure = null)
    {
        using var noGrad = torch.no_grad();
        foreach (var group in _parameter_groups)
        {
            var options = (Options)group.Options;
            using var decay = options.weight_decay!.Value.ToScalar();
            using var momentumFactor = options.momentum!.Value.ToScalar();
            using var gradientShare = (1 - options.dampening!.Value).ToScalar();
            using var stepFactor =
                (options.maximize!.Value ? options.LearningRate!.Value : -options.LearningRate!.Value).ToScalar();
            foreach (var parameter in group.Parameters)
            {
                using var scope = torch.NewDisposeScope();
                var gradient = parameter.grad;
                if (gradient is null)
                {
                    continue;
                }

                if (options.weight_decay.Value != 0)
                {
                    gradient = gradient.add(parameter, decay);
                }

                if (options.momentum.Value != 0)
                {
                    var state = (State)_state[parameter.Handle];
                    if (state.momentum_buffer is not { } buffer)
                    {
                        state.momentum_buffer = buffer = gradient.clone().detach().DetachFromDisposeScope();
                    }
                    else
                    {
                        buffer.mul_(momentumFactor).add_(gradient, gradientShare);
                    }

                    gradient = options.nesterov!.Value ? gradient.add(buffer, momentumFactor) : buffer;
                }

                parameter.add_(gradient, stepFactor);
            }
        }

        return null!;
    }
}
