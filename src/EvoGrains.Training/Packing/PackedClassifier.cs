using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EvoGrains.Training.Packing;

/// <summary>
/// A pack of K copies of one architecture over <see cref="PackedState"/>; subclasses write the forward pass.
/// </summary>
internal abstract class PackedClassifier(PackedState state) : IPackedModel
{
    public int Members => State.Members;

    public IReadOnlyList<Parameter> Parameters => State.Parameters;

    protected PackedState State { get; } = state;

    public void SetTraining(bool training) => State.Training = training;

    public abstract Tensor Forward(Tensor images);

    /// <summary>Row k of every stored [K, P] parameter is member k's (its zero padding adds nothing).</summary>
    public Tensor MemberNorms() =>
        torch.stack(Parameters.Select(p => p.reshape(Members, -1).norm(1)).ToArray()).norm(0);

    public void Dispose() => State.Dispose();
}
