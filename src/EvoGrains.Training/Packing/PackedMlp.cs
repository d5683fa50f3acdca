using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace EvoGrains.Training.Packing;

/// <summary>K copies of <see cref="Models.Mlp"/>.</summary>
internal sealed class PackedMlp(PackedState state, long forwardMacsPerImage) : IPackedModel
{
    public int Members => state.Members;

    public IReadOnlyList<Parameter> Parameters => state.Parameters;

    public long ForwardMacsPerImage => forwardMacsPerImage;

    public void SetTraining(bool training) => state.Training = training;

    public Tensor Forward(Tensor images)
    {
        var x = images.dim() == 4 ? images.flatten(1) : images.flatten(2);
        var hidden = F.relu(PackedLayers.InputLinear(x, state["hidden.weight"], state["hidden.bias"]));
        return PackedLayers.Linear(hidden, state["output.weight"], state["output.bias"]);
    }

    public void Dispose() => state.Dispose();
}
