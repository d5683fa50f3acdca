namespace EvoGrains.Cli.Runs;

/// <summary>
/// What `evograins replay` prints (and `--json` serialises): the recorded and the replayed result (fitness: the mean
/// over the seeds, spread: their standard deviation).
/// </summary>
public sealed record ReplayReport
{
    public required string Hash { get; init; }

    public required string Expression { get; init; }

    public required int Rung { get; init; }

    public required int Steps { get; init; }

    public required int Seeds { get; init; }

    public required int Seed { get; init; }

    public required double RecordedFitness { get; init; }

    public required double RecordedSpread { get; init; }

    public required string RecordedStatus { get; init; }

    public required double ReplayedFitness { get; init; }

    public required double ReplayedSpread { get; init; }

    public required string ReplayedStatus { get; init; }

    public required double Seconds { get; init; }

    public required ReplayVerdict Verdict { get; init; }
}
