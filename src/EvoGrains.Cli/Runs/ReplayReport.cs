namespace EvoGrains.Cli.Runs;

/// <summary>What `evograins replay` prints (and `--json` serialises): the recorded and the replayed result.</summary>
public sealed record ReplayReport(
    string Hash,
    string Expression,
    int Rung,
    int Steps,
    int Seeds,
    int Seed,
    double RecordedFitness,
    string RecordedStatus,
    double ReplayedFitness,
    string ReplayedStatus,
    double Seconds,
    ReplayVerdict Verdict);
