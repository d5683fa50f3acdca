using TorchSharp;
using static TorchSharp.torch;

namespace EvoGrains.Training.Data;

/// <summary>
/// Images and labels resident on one device. Pixels stay uint8 (a quarter of the float32 footprint) and are
/// normalised per batch.
/// </summary>
public sealed class ImageDataset : IDisposable
{
    private readonly Tensor images;
    private readonly Tensor labels;
    private readonly Tensor mean;
    private readonly Tensor std;

    public ImageDataset(LabelledImages source, ChannelStatistics statistics, Device device)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(device);
        Shape = source.Shape;
        Count = source.Count;
        images = torch.tensor(
            source.Pixels, [Count, Shape.Channels, Shape.Height, Shape.Width], ScalarType.Byte, device: device)
            .DetachFromDisposeScope();
        labels = torch.tensor(Array.ConvertAll(source.Labels, l => (long)l), [Count], device: device)
            .DetachFromDisposeScope();
        mean = torch.tensor(statistics.Mean.Select(m => (float)m).ToArray(), [1, Shape.Channels, 1, 1], device: device)
            .DetachFromDisposeScope();
        std = torch.tensor(statistics.Std.Select(s => (float)s).ToArray(), [1, Shape.Channels, 1, 1], device: device)
            .DetachFromDisposeScope();
    }

    public ImageShape Shape { get; }

    public int Count { get; }

    /// <summary>
    /// Normalised float32 images [B, C, H, W] and int64 labels [B] for the given int64 indices;
    /// <paramref name="augment"/> transforms the raw uint8 images first (so its zero padding is a black pixel).
    /// </summary>
    public (Tensor Images, Tensor Labels) Gather(Tensor indices, Func<Tensor, Tensor>? augment = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var batch = images.index_select(0, indices);
        return (Normalise(augment is null ? batch : augment(batch)), labels.index_select(0, indices));
    }

    /// <summary>A contiguous block of normalised images and their labels, for evaluation.</summary>
    public (Tensor Images, Tensor Labels) Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, Count);
        return (Normalise(images.narrow(0, start, length)), labels.narrow(0, start, length));
    }

    public void Dispose()
    {
        images.Dispose();
        labels.Dispose();
        mean.Dispose();
        std.Dispose();
    }

    private Tensor Normalise(Tensor bytes) => bytes.to_type(ScalarType.Float32).sub_(mean).div_(std);
}
