using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace EvoGrains.Training.Models;

/// <summary>One hidden layer; the fastest model, for tests.</summary>
public sealed class Mlp : ClassifierModule
{
    private readonly Linear hidden;
    private readonly Linear output;

    public Mlp(Data.ImageShape shape, int classes, int hiddenUnits = 128)
        : base(nameof(Mlp))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenUnits, 1);
        hidden = nn.Linear(shape.PixelsPerImage, hiddenUnits);
        output = nn.Linear(hiddenUnits, classes);
        RegisterComponents();
        ForwardMacsPerImage = ((long)shape.PixelsPerImage * hiddenUnits) + ((long)hiddenUnits * classes);
        ActivationsPerImage = shape.PixelsPerImage + (2L * hiddenUnits) + classes;
    }

    public override long ForwardMacsPerImage { get; }

    public override long ActivationsPerImage { get; }

    public override Tensor forward(Tensor input) => output.forward(F.relu(hidden.forward(input.flatten(1))));
}
