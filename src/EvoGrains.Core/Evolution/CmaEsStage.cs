namespace EvoGrains.Core.Evolution;

/// <summary>
/// One CMA-ES run fed asynchronously: points of the current generation are handed out one at a
/// time, each comes back (a fitness, or a rejection before training) in any order, and the
/// generation is told once all of its points are back. CMA-ES minimises, so it is told minus the
/// fitness; rejected and failed points are told NaN, which ranks worst.
/// </summary>
public sealed class CmaEsStage
{
    private readonly CmaEs optimizer;
    private readonly int generations;
    private readonly Dictionary<ulong, int> slotOfHash = [];
    private IReadOnlyList<double[]>? batch;
    private double?[] told = [];
    private int handedOut;

    public CmaEsStage(
        IReadOnlyList<double> start,
        double sigma,
        int populationSize,
        int generations,
        int seed,
        string parent = "")
    {
        optimizer = new CmaEs(
            [.. start],
            new CmaEsOptions
            {
                InitialSigma = sigma,
                PopulationSize = populationSize,
                Seed = seed,
                MaxGenerations = generations,
            });
        this.generations = generations;
        Parent = parent;
    }

    /// <summary>The structure this stage tunes (its candidates' lineage); empty for a free-standing run.</summary>
    public string Parent { get; }

    /// <summary>Generations told so far.</summary>
    public int Generation => optimizer.Generation;

    public bool IsDone => optimizer.IsStopped || optimizer.Generation >= generations;

    /// <summary>
    /// Every point of this generation is out and some are not back yet: nothing to hand out until they are.
    /// </summary>
    public bool IsWaiting => !IsDone && batch is not null && handedOut >= batch.Count;

    /// <summary>The lowest minus-fitness told so far and its point.</summary>
    public CmaEsSolution? Best => optimizer.Best;

    /// <summary>The next point of this generation with its slot, or null when the stage is done or waiting.</summary>
    public (double[] Point, int Slot)? Next()
    {
        if (IsDone || IsWaiting)
        {
            return null;
        }

        if (batch is null)
        {
            batch = optimizer.Ask();
            told = new double?[batch.Count];
            handedOut = 0;
        }

        var slot = handedOut++;
        return (batch[slot], slot);
    }

    /// <summary>The point in <paramref name="slot"/> became the candidate with this loss hash.</summary>
    public void Proposed(int slot, ulong hash) => slotOfHash[hash] = slot;

    /// <summary>
    /// The point in <paramref name="slot"/> will not be trained (screening rejected it or it duplicates a known loss).
    /// </summary>
    public void Rejected(int slot) => Tell(slot, double.NaN);

    /// <summary>
    /// Tells the fitness of a candidate this stage proposed; false when the hash is not one of its points.
    /// </summary>
    public bool Report(ulong hash, double fitness)
    {
        if (!slotOfHash.Remove(hash, out var slot))
        {
            return false;
        }

        Tell(slot, double.IsNaN(fitness) ? double.NaN : -fitness);
        return true;
    }

    private void Tell(int slot, double value)
    {
        if (batch is null || slot >= told.Length || told[slot] is not null)
        {
            return;
        }

        told[slot] = value;
        if (told.All(t => t is not null))
        {
            optimizer.Tell(batch, told.Select(t => t!.Value).ToArray());
            batch = null;
            slotOfHash.Clear();
        }
    }
}
