using EvoGrains.Core.Search.Registries;
using EvoGrains.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace EvoGrains.Training.Packing;

/// <summary>
/// A pack's batches. Members with one seed see the same batches alone, so a pack whose members share a
/// seed (common random numbers) gathers one batch for all; otherwise each member draws its own by seed.
/// With crop-flip augmentation each batch stream has its own draws from its seed: a shared batch is augmented once for
/// every member, and a member gets the augmented batches it gets alone.
/// </summary>
internal sealed class PackBatches : IDisposable
{
    private readonly ImageDataset train;
    private readonly BatchSampler[] samplers;
    private readonly CropFlip[] augments;

    public PackBatches(
        ImageDataset train,
        int batchSize,
        IReadOnlyList<int> seeds,
        Device device,
        string augment = AugmentRegistry.None)
    {
        this.train = train;
        Shared = seeds.Distinct().Count() == 1;
        var streams = (Shared ? seeds.Take(1) : seeds).ToList();
        samplers = streams.Select(seed => new BatchSampler(train.Count, batchSize, seed, device)).ToArray();
        augments = augment == AugmentRegistry.CropFlip
            ? streams.Select(seed => new CropFlip(seed, device)).ToArray()
            : [];
    }

    public bool Shared { get; }

    public int BatchSize => samplers[0].BatchSize;

    /// <summary>Shared: images [B, C, H, W], labels [B]. Per member: images [K, B, C, H, W], labels [K, B].</summary>
    public (Tensor Images, Tensor Labels) Next()
    {
        if (Shared)
        {
            return train.Gather(samplers[0].Next(), augments.Length > 0 ? augments[0].Apply : null);
        }

        var indices = torch.stack(samplers.Select(s => s.Next()).ToArray());
        var (images, labels) = train.Gather(indices.flatten(), augments.Length > 0 ? AugmentPerMember : null);
        var shape = train.Shape;
        return (
            images.view(samplers.Length, BatchSize, shape.Channels, shape.Height, shape.Width),
            labels.view(samplers.Length, BatchSize));
    }

    public void Dispose()
    {
        foreach (var augment in augments)
        {
            augment.Dispose();
        }
    }

    // Member k's images (rows k*B..(k+1)*B-1) with member k's draws.
    private Tensor AugmentPerMember(Tensor images)
    {
        var draws = augments.Select(a => a.Draw(BatchSize)).ToList();
        return CropFlip.Apply(
            images, torch.cat(draws.Select(d => d.Rows).ToArray()),
            torch.cat(draws.Select(d => d.Columns).ToArray()), torch.cat(draws.Select(d => d.Flips).ToArray()));
    }
}
