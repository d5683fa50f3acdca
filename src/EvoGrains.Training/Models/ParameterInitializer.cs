using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EvoGrains.Training.Models;

/// <summary>
/// Re-draws conv and linear parameters from a private seeded generator with PyTorch's default distribution
/// (uniform in +-1/sqrt(fan_in)). libtorch's global generator is shared by every thread in the process, so
/// seeding it would not make concurrent trainers reproducible. Tensor.uniform_ is used because
/// nn.init.uniform_ ignores its generator argument in TorchSharp 0.107.
/// </summary>
internal static class ParameterInitializer
{
    public static void Initialize(nn.Module module, long seed)
    {
        using var generator = new Generator((ulong)seed);
        using var noGrad = torch.no_grad();
        foreach (var (_, child) in module.named_modules())
        {
            switch (child)
            {
                case Conv2d conv:
                    Redraw(conv.weight, conv.bias, generator);
                    break;
                case Linear linear:
                    Redraw(linear.weight, linear.bias, generator);
                    break;
            }
        }
    }

    private static void Redraw(Parameter? weight, Parameter? bias, Generator generator)
    {
        if (weight is null)
        {
            return;
        }

        var fanIn = weight.shape.Skip(1).Aggregate(1L, (product, d) => product * d);
        var bound = 1.0 / Math.Sqrt(fanIn);
        weight.uniform_(-bound, bound, generator);
        if (bias is not null)
        {
            bias.uniform_(-bound, bound, generator);
        }
    }
}
