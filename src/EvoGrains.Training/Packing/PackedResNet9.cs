using EvoGrains.Training.Native;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace EvoGrains.Training.Packing;

/// <summary>K copies of <see cref="Models.ResNet9"/>: grouped convolutions, K-grouped batch norm.</summary>
internal sealed class PackedResNet9(PackedState state) : PackedClassifier(state)
{
    private static readonly TorchSharp.Scalar LogitScale = 0.125.ToScalar();

    public override Tensor Forward(Tensor images)
    {
        var shared = images.dim() == 4;
        var x = Block("prep", shared ? images : PackedLayers.MembersToChannels(images), pool: false, shared);
        x = Residual("residual1", Block("layer1", x, pool: true));
        x = Block("layer3", Block("layer2", x, pool: true), pool: true);
        x = Residual("residual3", x).amax([2, 3]);
        return PackedLayers.Linear(PackedLayers.ChannelsToMembers(x, Members), State["classifier.weight"], null)
            .mul(LogitScale);
    }

    private Tensor Residual(string name, Tensor x) =>
        x.Plus(Block(name + ".second", Block(name + ".first", x, pool: false), pool: false));

    /// <summary>conv -> batch norm -> ReLU (-> 2x2 max pool), as <c>ConvBlock</c>.</summary>
    private Tensor Block(string name, Tensor x, bool pool, bool sharedInput = false)
    {
        x = PackedLayers.Conv(x, State[name + ".conv.weight"], null, sharedInput);
        x = PackedLayers.BatchNorm(
            x,
            State[name + ".norm.weight"],
            State[name + ".norm.bias"],
            State.Buffer(name + ".norm.running_mean"),
            State.Buffer(name + ".norm.running_var"),
            State.Training);
        x = F.relu(x);
        return pool ? F.max_pool2d(x, 2) : x;
    }
}
