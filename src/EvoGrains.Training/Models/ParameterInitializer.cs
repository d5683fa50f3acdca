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

    /// <summary>
    /// Redraws a module known only by its parameter and buffer names (a TorchScript file): a weight of two or more
    /// dimensions and the bias beside it as <see cref="Initialize"/> draws conv and linear layers, in parameter order;
    /// a one-dimensional weight (a normalisation's scale) becomes 1 and its bias 0; running means 0, running variances
    /// 1, batch counts 0. Any other parameter keeps the file's values.
    /// </summary>
    public static void InitializeByName(jit.ScriptModule module, long seed)
    {
        using var generator = new Generator((ulong)seed);
        using var noGrad = torch.no_grad();
        // The module keeps the parameter and buffer objects it hands out (disposing one would drop it from the module).
        var parameters = module.named_parameters().ToList();
        var byName = parameters.ToDictionary(p => p.name, p => p.parameter, StringComparer.Ordinal);
        foreach (var (name, weight) in parameters.Where(p => Leaf(p.name) == "weight"))
        {
            var bias = byName.GetValueOrDefault(name[..^"weight".Length] + "bias");
            if (weight.dim() >= 2)
            {
                Redraw(weight, bias, generator);
            }
            else
            {
                using var one = torch.ones_like(weight);
                weight.copy_(one);
                bias?.zero_();
            }
        }

        foreach (var (name, buffer) in module.named_buffers())
        {
            switch (Leaf(name))
            {
                case "running_mean" or "num_batches_tracked":
                    buffer.zero_();
                    break;
                case "running_var":
                    using (var one = torch.ones_like(buffer))
                    {
                        buffer.copy_(one);
                    }

                    break;
            }
        }
    }

    private static string Leaf(string name) => name[(name.LastIndexOf('.') + 1)..];

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
