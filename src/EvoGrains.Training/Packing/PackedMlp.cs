using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace EvoGrains.Training.Packing;

/// <summary>K copies of <see cref="Models.Mlp"/>.</summary>
internal sealed class PackedMlp(PackedState state) : PackedClassifier(state)
{
    public override Tensor Forward(Tensor images)
    {
        var x = images.dim() == 4 ? images.flatten(1) : images.flatten(2);
        var hidden = F.relu(PackedLayers.InputLinear(x, State["hidden.weight"], State["hidden.bias"]));
        return PackedLayers.Linear(hidden, State["output.weight"], State["output.bias"]);
    }
}
