using EvoGrains.Training.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace EvoGrains.Training.Packing;

/// <summary>
/// The stacked parameters and batch-norm statistics of K members, copied from K one-candidate models
/// so that every member starts exactly where it would start alone. A parameter is stored as [K, P]: each member's
/// values flattened and padded with zeros to P, a multiple of <see cref="MemberAlignment"/>, and layers read it as
/// [K, ...one model's shape]. Running statistics are concatenated to [K*C] because batch norm updates them in place.
/// </summary>
/// <remarks>
/// libtorch's element-wise CPU kernels (the fused Adam step among them) run whole SIMD vectors and finish a tensor's
/// last elements one by one, and the two paths round differently. Unpadded, which of a member's values fall in that
/// tail depends on K and on the member's position, so a member trained in a pack of 3 drifted from the same member in
/// a pack of 4 after a few dozen steps and ended several validation images apart. Aligned slices put every member's
/// values in the same lanes in every pack, so a member's run depends on nothing but its loss and seed.
/// </remarks>
internal sealed class PackedState : IDisposable
{
    /// <summary>
    /// Floats per member slice: a multiple of every SIMD width and unroll libtorch's CPU kernels use.
    /// </summary>
    public const int MemberAlignment = 64;

    private readonly Dictionary<string, (Parameter Stored, long[] Shape)> parameters;
    private readonly Dictionary<string, Tensor> buffers;

    private PackedState(
        int members, Dictionary<string, (Parameter Stored, long[] Shape)> parameters,
        Dictionary<string, Tensor> buffers, IReadOnlyList<Parameter> ordered)
    {
        Members = members;
        this.parameters = parameters;
        this.buffers = buffers;
        Parameters = ordered;
    }

    public int Members { get; }

    /// <summary>
    /// The stored [K, P] parameters, in the one-candidate model's parameter order: what the optimizer steps.
    /// </summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    public bool Training { get; set; } = true;

    /// <summary>
    /// A parameter as [K, ...one model's shape]: a view of its stored values, made anew for each forward pass.
    /// </summary>
    public Tensor this[string name]
    {
        get
        {
            var (stored, shape) = parameters[name];
            var size = shape.Aggregate(1L, (a, b) => a * b);
            // An unpadded parameter is viewed whole: a narrow's backward would zero-fill and copy its whole gradient.
            return (size == stored.shape[1] ? stored : stored.narrow(1, 0, size)).view([Members, .. shape]);
        }
    }

    public Tensor Buffer(string name) => buffers[name];

    /// <summary>
    /// Stacks the members' models (a model may appear several times: members with one seed share it).
    /// </summary>
    public static PackedState Stack(IReadOnlyList<ClassifierModule> members)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members.Count, 1);
        var ordered = new List<Parameter>();
        var parameters = new Dictionary<string, (Parameter Stored, long[] Shape)>(StringComparer.Ordinal);
        var buffers = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        using (torch.NewDisposeScope())
        using (torch.no_grad())
        {
            var memberParameters = members.Select(m => m.named_parameters().ToList()).ToList();
            for (var i = 0; i < memberParameters[0].Count; i++)
            {
                var name = memberParameters[0][i].name;
                var shape = memberParameters[0][i].parameter.shape;
                var size = memberParameters[0][i].parameter.numel();
                var padding = ((size + MemberAlignment - 1) / MemberAlignment * MemberAlignment) - size;
                var stacked = torch.stack(
                    memberParameters.Select(p => F.pad(p[i].parameter.detach().flatten(), [0, padding])).ToArray())
                    .contiguous();
                var parameter = new Parameter(stacked, requires_grad: true);
                parameter.DetachFromDisposeScope();
                ordered.Add(parameter);
                parameters[name] = (parameter, shape);
            }

            var memberBuffers = members
                .Select(m => m.named_buffers()
                    .Where(b => !b.name.EndsWith("num_batches_tracked", StringComparison.Ordinal))
                    .ToList())
                .ToList();
            for (var i = 0; i < memberBuffers[0].Count; i++)
            {
                buffers[memberBuffers[0][i].name] = torch.cat(memberBuffers.Select(b => b[i].buffer).ToArray())
                    .contiguous().DetachFromDisposeScope();
            }
        }

        return new PackedState(members.Count, parameters, buffers, ordered);
    }

    public void Dispose()
    {
        foreach (var parameter in Parameters)
        {
            parameter.Dispose();
        }

        foreach (var buffer in buffers.Values)
        {
            buffer.Dispose();
        }
    }
}
