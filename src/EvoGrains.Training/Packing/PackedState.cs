using EvoGrains.Training.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EvoGrains.Training.Packing;

/// <summary>
/// The stacked parameters and batch-norm statistics of K members, copied from K one-candidate models
/// so that every member starts exactly where it would start alone. Parameters are [K, ...one model's
/// shape]; running statistics are concatenated to [K*C] because batch norm updates them in place.
/// </summary>
internal sealed class PackedState : IDisposable
{
    private readonly Dictionary<string, Parameter> parameters;
    private readonly Dictionary<string, Tensor> buffers;

    private PackedState(int members, Dictionary<string, Parameter> parameters, Dictionary<string, Tensor> buffers, IReadOnlyList<Parameter> ordered)
    {
        Members = members;
        this.parameters = parameters;
        this.buffers = buffers;
        Parameters = ordered;
    }

    public int Members { get; }

    /// <summary>In the one-candidate model's parameter order.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    public bool Training { get; set; } = true;

    public Parameter this[string name] => parameters[name];

    public Tensor Buffer(string name) => buffers[name];

    /// <summary>Stacks the members' models (a model may appear several times: members with one seed share it).</summary>
    public static PackedState Stack(IReadOnlyList<ClassifierModule> members)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members.Count, 1);
        var ordered = new List<Parameter>();
        var parameters = new Dictionary<string, Parameter>(StringComparer.Ordinal);
        var buffers = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        using (torch.NewDisposeScope())
        using (torch.no_grad())
        {
            var memberParameters = members.Select(m => m.named_parameters().ToList()).ToList();
            for (var i = 0; i < memberParameters[0].Count; i++)
            {
                var name = memberParameters[0][i].name;
                var stacked = torch.stack(memberParameters.Select(p => p[i].parameter.detach()).ToArray()).contiguous();
                var parameter = new Parameter(stacked, requires_grad: true);
                parameter.DetachFromDisposeScope();
                ordered.Add(parameter);
                parameters[name] = parameter;
            }

            var memberBuffers = members.Select(m => m.named_buffers().Where(b => !b.name.EndsWith("num_batches_tracked", StringComparison.Ordinal)).ToList()).ToList();
            for (var i = 0; i < memberBuffers[0].Count; i++)
            {
                buffers[memberBuffers[0][i].name] = torch.cat(memberBuffers.Select(b => b[i].buffer).ToArray()).contiguous().DetachFromDisposeScope();
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
