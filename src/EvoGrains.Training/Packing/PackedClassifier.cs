using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EvoGrains.Training.Packing;

/// <summary>A pack of K copies of one architecture over <see cref="PackedState"/>; subclasses write the forward pass.</summary>
internal abstract class PackedClassifier(PackedState state, long forwardMacsPerImage) : IPackedModel
{
    public int Members => State.Members;

    public IReadOnlyList<Parameter> Parameters => State.Parameters;

    public long ForwardMacsPerImage => forwardMacsPerImage;

    protected PackedState State { get; } = state;

    public void SetTraining(bool training) => State.Training = training;

    public abstract Tensor Forward(Tensor images);

    public void Dispose() => State.Dispose();
}
