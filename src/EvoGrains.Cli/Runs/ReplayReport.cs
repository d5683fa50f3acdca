namespace EvoGrains.Cli.Runs;

/// <summary>
/// What `evograins replay` prints (and `--json` serialises): the recorded and the replayed result (fitness: the mean
/// over the seeds, spread: their standard deviation).
/// </summary>
public sealed record ReplayReport(
    string Hash,
    string Expression,
    int Rung,
    int Steps,
    int Seeds,
    int Seed,
    double RecordedFitness,
    double RecordedSpread,
    string RecordedStatus,
    double ReplayedFitness,
    double ReplayedSpread,
    string ReplayedStatus,
    double Seconds,
    ReplayVerdict Verdict);
