using EvoGrains.Training.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace EvoGrains.Training.Models;

/// <summary>x + block(block(x)) with two same-width conv blocks, as in the DAWNBench ResNet-9.</summary>
internal sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly ConvBlock first;
    private readonly ConvBlock second;

    public ResidualBlock(long channels)
        : base(nameof(ResidualBlock))
    {
        first = new ConvBlock(channels, channels, poolAfter: false);
        second = new ConvBlock(channels, channels, poolAfter: false);
        RegisterComponents();
    }

    public long Macs(long height, long width) => first.Macs(height, width) + second.Macs(height, width);

    public long Activations(long height, long width) =>
        first.Activations(height, width) + second.Activations(height, width) + (height * width * first.OutChannels);

    public override Tensor forward(Tensor input) => input.Plus(second.forward(first.forward(input)));
}
