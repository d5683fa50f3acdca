using EvoGrains.Training.Native;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EvoGrains.Training.Optimization;

/// <summary>
/// TorchSharp's element-wise Adam update (eight passes and two temporaries a parameter), with every Scalar it hands to
/// libtorch held until the call has returned (see <see cref="HeldScalars"/>). Trainers step
/// <see cref="FusedAdam"/>; this is the trainer as it was before packing, which bench packing measures as "today".
/// </summary>
internal sealed class HeldScalarAdam(IEnumerable<Parameter> parameters, double learningRate, double weightDecay)
    : TorchSharp.Modules.Adam(parameters, learningRate, weight_decay: weightDecay)
{
    public override Tensor step(Func<Tensor>? closure = null)
    {
        using var noGrad = torch.no_grad();
        foreach (var group in _parameter_groups)
        {
            var options = (Options)group.Options;
            double beta1 = options.beta1!.Value, beta2 = options.beta2!.Value,
                weightDecay = options.weight_decay!.Value;
            using var beta1Scalar = beta1.ToScalar();
            using var beta2Scalar = beta2.ToScalar();
            using var gradientShare = (1 - beta1).ToScalar();
            using var squareShare = (1 - beta2).ToScalar();
            using var decay = weightDecay.ToScalar();
            using var epsilon = options.eps!.Value.ToScalar();
            foreach (var parameter in group.Parameters)
            {
                using var scope = torch.NewDisposeScope();
                var gradient = parameter.grad;
                if (gradient is null)
                {
                    continue;
                }

                var state = (State)_state[parameter.Handle];
                state.step += 1;
                var biasCorrection1 = 1 - Math.Pow(beta1, state.step);
                var biasCorrection2 = 1 - Math.Pow(beta2, state.step);
                if (weightDecay != 0)
                {
                    gradient = gradient.add(parameter, decay);
                }

                state.exp_avg.mul_(beta1Scalar).add_(gradient, gradientShare);
                state.exp_avg_sq.mul_(beta2Scalar).addcmul_(gradient, gradient.conj(), squareShare);
                using var correction = Math.Sqrt(biasCorrection2).ToScalar();
                using var stepSize = (-options.LearningRate!.Value / biasCorrection1).ToScalar();
                var denominator = state.exp_avg_sq.sqrt().div(correction).add_(epsilon, HeldScalars.One);
                parameter.addcdiv_(state.exp_avg, denominator, stepSize);
            }
        }

        return null!;
    }
}
