using TorchSharp;
using static TorchSharp.torch;

namespace EvoGrains.Training.Data;

/// <summary>
/// Images and labels resident on one device. Pixels stay uint8 (a quarter of the float32 footprint) and are
/// normalised per batch.
/// </summary>
public sealed class ImageDataset : IDisposable
{
    private readonly Tensor _images;
    private readonly Tensor _labels;
    private readonly Tensor _mean;
    private readonly Tensor _std;

    public ImageDataset(LabelledImages source, ChannelStatistics statistics, Device device)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(device);
        Shape = source.Shape;
        Count = source.Count;
        _images = torch.tensor(source.Pixels, [Count, Shape.Channels, Shape.Height, Shape.Width], ScalarType.Byte, device: device).DetachFromDisposeScope();
        _labels = torch.tensor(Array.ConvertAll(source.Labels, l => (long)l), [Count], device: device).DetachFromDisposeScope();
        _mean = torch.tensor(statistics.Mean.Select(m => (float)m).ToArray(), [1, Shape.Channels, 1, 1], device: device).DetachFromDisposeScope();
        _std = torch.tensor(statistics.Std.Select(s => (float)s).ToArray(), [1, Shape.Channels, 1, 1], device: device).DetachFromDisposeScope();
    }

    public ImageShape Shape { get; }

    public int Count { get; }

    /// <summary>
    /// Normalised float32 images [B, C, H, W] and int64 labels [B] for the given int64 indices; <paramref name="augment"/>
    /// transforms the raw uint8 images first (so its zero padding is a black pixel).
    /// </summary>
    public (Tensor Images, Tensor Labels) Gather(Tensor indices, Func<Tensor, Tensor>? augment = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var images = _images.index_select(0, indices);
        return (Normalise(augment is null ? images : augment(images)), _labels.index_select(0, indices));
    }

    /// <summary>A contiguous block of normalised images and their labels, for evaluation.</summary>
    public (Tensor Images, Tensor Labels) Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, Count);
        return (Normalise(_images.narrow(0, start, length)), _labels.narrow(0, start, length));
    }

    public void Dispose()
    {
        _images.Dispose();
        _labels.Dispose();
        _mean.Dispose();
        _std.Dispose();
    }

    private Tensor Normalise(Tensor bytes) => bytes.to_type(ScalarType.Float32).sub_(_mean).div_(_std);
}
