using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EvoGrains.Training.Models;

/// <summary>
/// DAWNBench/Myrtle ResNet-9 (the family of NLFS's ResNet9V2): prep 64, [128 + pool + residual], [256 + pool],
/// [512 + pool + residual], global max pool, linear. Widths scale with <c>baseWidth</c>.
/// </summary>
public sealed class ResNet9 : ClassifierModule
{
    // Myrtle scales the logits down so that the freshly initialised net starts with soft predictions.
    private static readonly Scalar LogitScale = 0.125.ToScalar();

    private readonly ConvBlock prep;
    private readonly ConvBlock layer1;
    private readonly ResidualBlock residual1;
    private readonly ConvBlock layer2;
    private readonly ConvBlock layer3;
    private readonly ResidualBlock residual3;
    private readonly Linear classifier;

    public ResNet9(Data.ImageShape shape, int classes, int baseWidth = 64)
        : base(nameof(ResNet9))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.Height, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.Width, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseWidth, 1);
        long w1 = baseWidth, w2 = 2L * baseWidth, w3 = 4L * baseWidth, w4 = 8L * baseWidth;
        prep = new ConvBlock(shape.Channels, w1, poolAfter: false);
        layer1 = new ConvBlock(w1, w2, poolAfter: true);
        residual1 = new ResidualBlock(w2);
        layer2 = new ConvBlock(w2, w3, poolAfter: true);
        layer3 = new ConvBlock(w3, w4, poolAfter: true);
        residual3 = new ResidualBlock(w4);
        classifier = nn.Linear(w4, classes, hasBias: false);
        RegisterComponents();

        long h = shape.Height, w = shape.Width;
        var macs = prep.Macs(h, w) + layer1.Macs(h, w);
        var activations = shape.PixelsPerImage + prep.Activations(h, w) + layer1.Activations(h, w);
        h /= 2;
        w /= 2;
        macs += residual1.Macs(h, w) + layer2.Macs(h, w);
        activations += residual1.Activations(h, w) + layer2.Activations(h, w);
        h /= 2;
        w /= 2;
        macs += layer3.Macs(h, w);
        activations += layer3.Activations(h, w);
        h /= 2;
        w /= 2;
        macs += residual3.Macs(h, w) + (w4 * classes);
        ForwardMacsPerImage = macs;
        ActivationsPerImage = activations + residual3.Activations(h, w) + w4 + (2L * classes);
    }

    public override long ForwardMacsPerImage { get; }

    public override long ActivationsPerImage { get; }

    public override Tensor forward(Tensor input)
    {
        var x = residual1.forward(layer1.forward(prep.forward(input)));
        x = residual3.forward(layer3.forward(layer2.forward(x)));
        x = x.amax([2, 3]);
        return classifier.forward(x).mul(LogitScale);
    }
}
