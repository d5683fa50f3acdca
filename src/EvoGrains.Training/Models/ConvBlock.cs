using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace EvoGrains.Training.Models;

/// <summary>
/// 3x3 conv (no bias: batch norm supplies it) -> batch norm -> ReLU, optionally followed by 2x2 max pooling.
/// </summary>
internal sealed class ConvBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d norm;
    private readonly MaxPool2d? pool;

    public ConvBlock(long inChannels, long outChannels, bool poolAfter)
        : base(nameof(ConvBlock))
    {
        InChannels = inChannels;
        OutChannels = outChannels;
        conv = nn.Conv2d(inChannels, outChannels, 3, padding: 1, bias: false);
        norm = nn.BatchNorm2d(outChannels);
        pool = poolAfter ? nn.MaxPool2d(2) : null;
        RegisterComponents();
    }

    public long InChannels { get; }

    public long OutChannels { get; }

    /// <summary>MACs for an input of the given spatial size (the conv runs before pooling).</summary>
    public long Macs(long height, long width) => height * width * OutChannels * InChannels * 9;

    /// <summary>Conv, batch-norm and ReLU outputs (and the pooled map) kept for the backward pass.</summary>
    public long Activations(long height, long width) =>
        (height * width * OutChannels * 3) + (pool is null ? 0 : height * width * OutChannels / 4);

    public override Tensor forward(Tensor input)
    {
        var x = F.relu(norm.forward(conv.forward(input)));
        return pool is null ? x : pool.forward(x);
    }
}
