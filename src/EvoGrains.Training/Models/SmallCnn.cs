using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace EvoGrains.Training.Models;

/// <summary>
/// conv 32 -> pool -> conv 64 -> pool -> fc 128 -> classes: cheap enough for CPU surrogate runs on 28x28.
/// </summary>
public sealed class SmallCnn : ClassifierModule
{
    private const int Conv1Channels = 32;
    private const int Conv2Channels = 64;
    private const int Hidden = 128;

    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly MaxPool2d pool;
    private readonly Linear fc1;
    private readonly Linear fc2;

    public SmallCnn(Data.ImageShape shape, int classes)
        : base(nameof(SmallCnn))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.Height, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.Width, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        conv1 = nn.Conv2d(shape.Channels, Conv1Channels, 3, padding: 1);
        conv2 = nn.Conv2d(Conv1Channels, Conv2Channels, 3, padding: 1);
        pool = nn.MaxPool2d(2);
        var flat = (long)Conv2Channels * (shape.Height / 4) * (shape.Width / 4);
        fc1 = nn.Linear(flat, Hidden);
        fc2 = nn.Linear(Hidden, classes);
        RegisterComponents();

        long h = shape.Height, w = shape.Width;
        ForwardMacsPerImage =
            (h * w * Conv1Channels * shape.Channels * 9)
            + ((h / 2) * (w / 2) * Conv2Channels * Conv1Channels * 9)
            + (flat * Hidden)
            + ((long)Hidden * classes);
        // Input, conv and ReLU outputs before each pool, the pooled maps, the hidden layer and the logits.
        ActivationsPerImage = shape.PixelsPerImage
            + (2 * h * w * Conv1Channels)
            + (3 * (h / 2) * (w / 2) * Conv2Channels)
            + flat + (2 * Hidden) + classes;
    }

    public override long ForwardMacsPerImage { get; }

    public override long ActivationsPerImage { get; }

    public override Tensor forward(Tensor input)
    {
        var x = pool.forward(F.relu(conv1.forward(input)));
        x = pool.forward(F.relu(conv2.forward(x)));
        x = F.relu(fc1.forward(x.flatten(1)));
        return fc2.forward(x);
    }
}
