using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace EvoGrains.Training.Packing;

/// <summary>K copies of <see cref="Models.SmallCnn"/>.</summary>
internal sealed class PackedSmallCnn(PackedState state, long forwardMacsPerImage) : IPackedModel
{
    public int Members => state.Members;

    public IReadOnlyList<Parameter> Parameters => state.Parameters;

    public long ForwardMacsPerImage => forwardMacsPerImage;

    public void SetTraining(bool training) => state.Training = training;

    public Tensor Forward(Tensor images)
    {
        var shared = images.dim() == 4;
        var x = shared ? images : PackedLayers.MembersToChannels(images);
        x = F.max_pool2d(F.relu(PackedLayers.Conv(x, state["conv1.weight"], state["conv1.bias"], shared)), 2);
        x = F.max_pool2d(F.relu(PackedLayers.Conv(x, state["conv2.weight"], state["conv2.bias"], sharedInput: false)), 2);
        x = F.relu(PackedLayers.Linear(PackedLayers.ChannelsToMembers(x, Members), state["fc1.weight"], state["fc1.bias"]));
        return PackedLayers.Linear(x, state["fc2.weight"], state["fc2.bias"]);
    }

    public void Dispose() => state.Dispose();
}
