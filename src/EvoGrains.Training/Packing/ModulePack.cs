using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EvoGrains.Training.Packing;

/// <summary>
/// K independent modules stepped together: each member is a module of its own (a TorchScript file cannot be vectorised
/// like the built-in models), run on its batch in turn, and the pack's logits are the members' stacked. The members'
/// losses are summed for one backward pass as in every pack, so each module gets its own gradient, and the optimizer
/// steps every module's parameters at once.
/// </summary>
internal sealed class ModulePack : IPackedModel
{
    private readonly IReadOnlyList<nn.Module> modules;
    private readonly IReadOnlyList<Parameter>[] memberParameters;

    /// <param name="modules">The members, each an <see cref="nn.IModule{T, TResult}"/> of tensors; the pack owns
    /// them.</param>
    public ModulePack(IReadOnlyList<nn.Module> modules)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(modules.Count, 1);
        if (modules.FirstOrDefault(m => m is not nn.IModule<Tensor, Tensor>) is { } other)
        {
            throw new ArgumentException($"{other.GetType().Name} does not map a tensor to a tensor", nameof(modules));
        }

        this.modules = modules;
        memberParameters = [.. modules.Select(m => (IReadOnlyList<Parameter>)[.. m.parameters()])];
        Parameters = [.. memberParameters.SelectMany(p => p)];
    }

    public int Members => modules.Count;

    public IReadOnlyList<Parameter> Parameters { get; }

    public void SetTraining(bool training)
    {
        foreach (var module in modules)
        {
            module.train(training);
        }
    }

    public Tensor Forward(Tensor images)
    {
        var shared = images.dim() == 4;
        return torch.stack(
            modules.Select((m, k) => ((nn.IModule<Tensor, Tensor>)m).call(shared ? images : images[k])).ToArray());
    }

    public Tensor MemberNorms() =>
        torch.stack(memberParameters.Select(p => torch.stack(p.Select(t => t.norm()).ToArray()).norm()).ToArray());

    public void Dispose()
    {
        // The parameters are the modules' own (a script module keeps the objects it hands out): they go with them.
        foreach (var module in modules)
        {
            module.Dispose();
        }
    }
}
