using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace EvoGrains.Training.Packing;

/// <summary>K copies of <see cref="Models.SmallCnn"/>.</summary>
internal sealed class PackedSmallCnn(PackedState state) : PackedClassifier(state)
{
    public override Tensor Forward(Tensor images)
    {
        var shared = images.dim() == 4;
        var x = shared ? images : PackedLayers.MembersToChannels(images);
        x = F.max_pool2d(F.relu(PackedLayers.Conv(x, State["conv1.weight"], State["conv1.bias"], shared)), 2);
        x = F.max_pool2d(
            F.relu(PackedLayers.Conv(x, State["conv2.weight"], State["conv2.bias"], sharedInput: false)), 2);
        x = F.relu(PackedLayers.Linear(
            PackedLayers.ChannelsToMembers(x, Members), State["fc1.weight"], State["fc1.bias"]));
        return PackedLayers.Linear(x, State["fc2.weight"], State["fc2.bias"]);
    }
}
