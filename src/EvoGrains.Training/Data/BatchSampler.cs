using TorchSharp;
using static TorchSharp.torch;

namespace EvoGrains.Training.Data;

/// <summary>
/// Seeded epoch-wise sampling without replacement. The permutation lives in managed memory so that it
/// outlives the per-step dispose scopes and never depends on libtorch's global generator.
/// </summary>
public sealed class BatchSampler
{
    private readonly Random random;
    private readonly int[] order;
    private readonly Device device;
    private int position;

    public BatchSampler(int count, int batchSize, int seed, Device device)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        BatchSize = Math.Min(batchSize, count);
        random = new Random(seed);
        order = Enumerable.Range(0, count).ToArray();
        this.device = device;
        position = count;
    }

    public int BatchSize { get; }

    /// <summary>
    /// int64 indices of the next batch, on the device; a short tail is dropped and a new epoch begins.
    /// </summary>
    public Tensor Next()
    {
        if (position + BatchSize > order.Length)
        {
            random.Shuffle(order);
            position = 0;
        }

        var batch = new long[BatchSize];
        for (var i = 0; i < BatchSize; i++)
        {
            batch[i] = order[position + i];
        }

        position += BatchSize;
        return torch.tensor(batch, device: device);
    }
}
