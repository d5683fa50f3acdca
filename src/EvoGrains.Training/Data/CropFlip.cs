using EvoGrains.Core.Search.Registries;
using TorchSharp;
using static TorchSharp.torch;

namespace EvoGrains.Training.Data;

/// <summary>
/// The "crop-flip" augmentation on the device: per image, a random crop of the image zero-padded by
/// <see cref="AugmentRegistry.CropPadding"/> pixels on every side, then a horizontal flip with probability 1/2. The
/// draws come from a private generator seeded from the training seed, so a run is reproducible whatever else runs in
/// the process, and a pack that shares one batch draws once for all its members.
/// </summary>
public sealed class CropFlip : IDisposable
{
    private const int Padding = AugmentRegistry.CropPadding;
    private readonly Generator generator;
    private readonly Device device;

    public CropFlip(int seed, Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        this.device = device;
        // Apart from the seed's other streams (parameters, batch order): the draws of one seed never echo another's.
        generator = new Generator(unchecked(((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ 0x5DEECE66DUL), device);
    }

    /// <summary>
    /// The next draws for <paramref name="count"/> images: the crop's row and column offsets (0..8) and whether to
    /// flip (0 or 1), each int64 [count].
    /// </summary>
    public (Tensor Rows, Tensor Columns, Tensor Flips) Draw(int count)
    {
        var offsets = torch.randint(0, (2 * Padding) + 1, [2, count], ScalarType.Int64, device, generator: generator);
        var flips = torch.randint(0, 2, [count], ScalarType.Int64, device, generator: generator);
        return (offsets[0], offsets[1], flips);
    }

    /// <summary>
    /// The next draws applied to <paramref name="images"/> [B, C, H, W] (any element type; padding is 0 of that type).
    /// </summary>
    public Tensor Apply(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var (rows, columns, flips) = Draw((int)images.shape[0]);
        return Apply(images, rows, columns, flips);
    }

    /// <summary>
    /// Crops and flips <paramref name="images"/> [B, C, H, W] as the draws say: image b is the H x W window at
    /// (<paramref name="rows"/>[b], <paramref name="columns"/>[b]) of the image zero-padded by 4 on every side,
    /// mirrored left to right when <paramref name="flips"/>[b] is 1. Offsets (4, 4) without a flip give the image back.
    /// </summary>
    public static Tensor Apply(Tensor images, Tensor rows, Tensor columns, Tensor flips)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(flips);
        var (b, c, h, w) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3]);
        var at = images.device;
        var padded = nn.functional.pad(images, [Padding, Padding, Padding, Padding]);
        var rowIndex = rows.view(b, 1) + torch.arange(h, ScalarType.Int64, at).view(1, h);
        var across = torch.arange(w, ScalarType.Int64, at).view(1, w);
        var columnIndex = torch.where(flips.view(b, 1).eq(1), (w - 1) - across, across) + columns.view(b, 1);
        var cropped = padded.gather(2, rowIndex.view(b, 1, h, 1).expand(b, c, h, w + (2 * Padding)));
        return cropped.gather(3, columnIndex.view(b, 1, 1, w).expand(b, c, h, w));
    }

    public void Dispose() => generator.Dispose();
}
