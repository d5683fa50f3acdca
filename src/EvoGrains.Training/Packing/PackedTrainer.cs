using System.Diagnostics;
using EvoGrains.Training.Data;
using EvoGrains.Training.Models;
using EvoGrains.Training.Trainer;

namespace EvoGrains.Training.Packing;

/// <summary>
/// Trains many candidates at once as packs of one vectorised model (METHODS.md §8). A member's result is
/// the one it gets alone with the same loss and seed; a member that fails is frozen and leaves the others'
/// results untouched. Requests larger than the memory budget are split into several packs.
/// </summary>
public sealed class PackedTrainer
{
    /// <summary>Default budget: a small share of a CPU node's memory, and well inside any GPU's.</summary>
    public const long DefaultMemoryBudgetBytes = 2L << 30;

    private readonly PreparedDataCache prepared;
    private readonly long memoryBudgetBytes;

    public PackedTrainer(PreparedDataCache? prepared = null, long memoryBudgetBytes = DefaultMemoryBudgetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryBudgetBytes, 1);
        this.prepared = prepared ?? new PreparedDataCache();
        this.memoryBudgetBytes = memoryBudgetBytes;
    }

    /// <summary>
    /// Trains every member as <paramref name="request"/> says (its <see cref="TrainingRequest.Seed"/> is replaced by
    /// each member's seed); results come back in member order. Failures of a candidate are results, not exceptions.
    /// </summary>
    /// <exception cref="ArgumentException">The request is invalid.</exception>
    /// <exception cref="DatasetException">A dataset file is missing or corrupt.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled (checked between steps).</exception>
    public IReadOnlyList<TrainingResult> Train(
        TrainingRequest request, IReadOnlyList<PackMember> members, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfLessThan(members.Count, 1, nameof(members));
        var (device, data) = TrainingSetup.Prepare(request, members[0].Seed, prepared);
        var capacity = Capacity(request, data);
        var results = new List<TrainingResult>(members.Count);
        foreach (var pack in members.Chunk(capacity))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var wall = Stopwatch.StartNew();
            using var model = ModelBuilders.Of(request.Model)
                .Pack(request, data.Shape, data.Classes, pack.Select(m => m.Seed).ToList(), device);
            results.AddRange(new PackRun(request, model, data, pack, device).Run(null, wall, cancellationToken));
        }

        return results;
    }

    /// <summary>Members per pack under the memory budget.</summary>
    public int Capacity(TrainingRequest request, TrainingData data)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(data);
        return PackMemoryBudget.MaxMembers(
            ModelBuilders.Of(request.Model).BytesPerMember(request, data.Shape, data.Classes, request.BatchSize),
            memoryBudgetBytes);
    }
}
