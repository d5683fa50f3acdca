using System.Diagnostics;
using EvoGrains.Training.Data;
using EvoGrains.Training.Models;
using EvoGrains.Training.Packing;

namespace EvoGrains.Training.Trainer;

/// <summary>
/// Trains one candidate loss synchronously on the calling thread. Callers put it on a dedicated thread: the
/// per-step dispose scopes are thread-bound and a step never awaits. It is a pack of one, so it follows the packed
/// trainer's rules (read-back every few steps, the same failure checks) and gets, bit for bit, the result the same
/// loss and seed get as a member of any pack.
/// </summary>
public sealed class SurrogateTrainer
{
    private readonly PreparedDataCache prepared;

    public SurrogateTrainer(DatasetCache? datasets = null)
        : this(new PreparedDataCache(datasets))
    {
    }

    /// <summary>Shares the prepared data splits with every other trainer holding <paramref name="prepared"/>.</summary>
    public SurrogateTrainer(PreparedDataCache prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        this.prepared = prepared;
    }

    /// <summary>
    /// Trains <paramref name="loss"/> as <paramref name="request"/> says. Anything the candidate causes
    /// (non-finite loss, exploding weights, an exception from the loss or its backward pass) ends in a
    /// <see cref="TrainingStatus.Failed"/> result, never an exception.
    /// </summary>
    /// <exception cref="ArgumentException">The request is invalid.</exception>
    /// <exception cref="DatasetException">A dataset file is missing or corrupt.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled (checked between steps).</exception>
    public TrainingResult Train(
        TrainingRequest request,
        ITensorLoss loss,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loss);
        var wall = Stopwatch.StartNew();
        var (device, data) = TrainingSetup.Prepare(request, request.Seed, prepared);
        using var model = ModelBuilders.Of(request.Model)
            .Pack(request, data.Shape, data.Classes, [request.Seed], device);
        return new PackRun(request, model, data, [new PackMember(loss, request.Seed)], device)
            .Run(progress, wall, cancellationToken)[0];
    }
}
