using EvoGrains.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace EvoGrains.Training.Packing;

/// <summary>
/// A pack's batches. Members with one seed see the same batches alone, so a pack whose members share a
/// seed (common random numbers) gathers one batch for all; otherwise each member draws its own by seed.
/// </summary>
internal sealed class PackBatches
{
    private readonly ImageDataset train;
    private readonly BatchSampler[] samplers;

    public PackBatches(ImageDataset train, int batchSize, IReadOnlyList<int> seeds, Device device)
    {
        this.train = train;
        Shared = seeds.Distinct().Count() == 1;
        samplers = (Shared ? seeds.Take(1) : seeds).Select(seed => new BatchSampler(train.Count, batchSize, seed, device)).ToArray();
    }

    public bool Shared { get; }

    public int BatchSize => samplers[0].BatchSize;

    /// <summary>Shared: images [B, C, H, W], labels [B]. Per member: images [K, B, C, H, W], labels [K, B].</summary>
    public (Tensor Images, Tensor Labels) Next()
    {
        if (Shared)
        {
            return train.Gather(samplers[0].Next());
        }

        var indices = torch.stack(samplers.Select(s => s.Next()).ToArray());
        var (images, labels) = train.Gather(indices.flatten());
        var shape = train.Shape;
        return (images.view(samplers.Length, BatchSize, shape.Channels, shape.Height, shape.Width), labels.view(samplers.Length, BatchSize));
    }
}
