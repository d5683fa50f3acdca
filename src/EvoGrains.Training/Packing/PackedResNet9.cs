using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace EvoGrains.Training.Packing;

/// <summary>K copies of <see cref="Models.ResNet9"/>: grouped convolutions, K-grouped batch norm.</summary>
internal sealed class PackedResNet9(PackedState state, long forwardMacsPerImage) : IPackedModel
{
    private const double LogitScale = 0.125;

    public int Members => state.Members;

    public IReadOnlyList<Parameter> Parameters => state.Parameters;

    public long ForwardMacsPerImage => forwardMacsPerImage;

    public void SetTraining(bool training) => state.Training = training;

    public Tensor Forward(Tensor images)
    {
        var shared = images.dim() == 4;
        var x = Block("prep", shared ? images : PackedLayers.MembersToChannels(images), pool: false, shared);
        x = Residual("residual1", Block("layer1", x, pool: true));
        x = Block("layer3", Block("layer2", x, pool: true), pool: true);
        x = Residual("residual3", x).amax([2, 3]);
        return PackedLayers.Linear(PackedLayers.ChannelsToMembers(x, Members), state["classifier.weight"], null) * LogitScale;
    }

    public void Dispose() => state.Dispose();

    private Tensor Residual(string name, Tensor x) => x + Block(name + ".second", Block(name + ".first", x, pool: false), pool: false);

    /// <summary>conv -> batch norm -> ReLU (-> 2x2 max pool), as <c>ConvBlock</c>.</summary>
    private Tensor Block(string name, Tensor x, bool pool, bool sharedInput = false)
    {
        x = PackedLayers.Conv(x, state[name + ".conv.weight"], null, sharedInput);
        x = PackedLayers.BatchNorm(
            x,
            state[name + ".norm.weight"],
            state[name + ".norm.bias"],
            state.Buffer(name + ".norm.running_mean"),
            state.Buffer(name + ".norm.running_var"),
            state.Training);
        x = F.relu(x);
        return pool ? F.max_pool2d(x, 2) : x;
    }
}
