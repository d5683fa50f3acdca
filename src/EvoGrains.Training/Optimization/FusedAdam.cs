using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EvoGrains.Training.Optimization;

/// <summary>
/// TorchSharp's Adam (the same betas, epsilon and L2 weight decay on the gradient) whose step is libtorch's fused
/// kernel: one pass over each parameter, its gradient and both moments. TorchSharp's own step makes eight
/// element-wise passes and two temporaries per parameter, which on a CPU cost more than the matmuls of a packed
/// MLP (measured in bench-results/packing.md). TorchSharp binds no fused optimizer, so the kernel is reached through
/// one TorchScript function. Parameter groups, the learning rate and the moments stay TorchSharp's.
/// </summary>
internal sealed class FusedAdam : TorchSharp.Modules.Adam
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    // The parser needs the function's last statement to end with a newline.
    private static readonly Lazy<jit.CompilationUnit> Kernel = new(() => jit.compile(
        "def step(params: List[Tensor], grads: List[Tensor], exp_avgs: List[Tensor], exp_avg_sqs: List[Tensor], " +
        "steps: List[Tensor],\n" +
        "         lr: float, beta1: float, beta2: float, weight_decay: float, eps: float):\n" +
        "    torch._foreach_add_(steps, 1.0)\n" +
        "    torch._fused_adam_(params, grads, exp_avgs, exp_avg_sqs, [], steps, lr=lr, beta1=beta1, beta2=beta2,\n" +
        "                       weight_decay=weight_decay, eps=eps, amsgrad=False, maximize=False)\n"));

    private readonly Dictionary<IntPtr, Tensor> steps = [];

    public FusedAdam(IEnumerable<Parameter> parameters, double learningRate, double weightDecay)
        : base(parameters, learningRate, Beta1, Beta2, Epsilon, weightDecay)
    {
    }

    public override Tensor step(Func<Tensor>? closure = null)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        foreach (var group in _parameter_groups)
        {
            var members = group.Parameters
                .Select(p => (Parameter: p, Grad: p.grad))
                .Where(p => p.Grad is not null)
                .ToList();
            if (members.Count == 0)
            {
                continue;
            }

            var options = (Options)group.Options;
            var states = members.Select(p => (State)_state[p.Parameter.Handle]).ToList();
            // invoke would turn doubles into Scalars it keeps only the native handles of: a collection during the call
            // finalises them while libtorch reads them. Scalars held here live until the kernel has returned.
            using var learningRate = options.LearningRate!.Value.ToScalar();
            using var beta1 = options.beta1!.Value.ToScalar();
            using var beta2 = options.beta2!.Value.ToScalar();
            using var weightDecay = options.weight_decay!.Value.ToScalar();
            using var epsilon = options.eps!.Value.ToScalar();
            Kernel.Value.invoke(
                "step",
                members.Select(p => (Tensor)p.Parameter).ToArray(),
                members.Select(p => p.Grad!).ToArray(),
                states.Select(s => s.exp_avg).ToArray(),
                states.Select(s => s.exp_avg_sq).ToArray(),
                members.Select(p => Steps(p.Parameter)).ToArray(),
                learningRate,
                beta1,
                beta2,
                weightDecay,
                epsilon);
            states.ForEach(s => s.step++);
        }

        return null!;
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var count in steps.Values)
        {
            count.Dispose();
        }

        steps.Clear();
        base.Dispose(disposing);
    }

    /// <summary>
    /// The kernel counts steps in a float tensor on the parameter's device (as PyTorch's fused Adam does).
    /// </summary>
    private Tensor Steps(Parameter parameter)
    {
        if (!steps.TryGetValue(parameter.Handle, out var count))
        {
            count = torch.zeros([], ScalarType.Float32, parameter.device).DetachFromDisposeScope();
            steps[parameter.Handle] = count;
        }

        return count;
    }
}
