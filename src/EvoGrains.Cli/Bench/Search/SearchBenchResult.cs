namespace EvoGrains.Cli.Bench.Search;

/// <summary>`bench search`'s outcome: every search and every method's summary.</summary>
public sealed record SearchBenchResult(
    string SpecName,
    int Repeats,
    long TrainingSteps,
    int TestSeeds,
    int FinalSteps,
    double Seconds,
    IReadOnlyList<SearchBenchMethod> Methods,
    IReadOnlyList<SearchBenchRun> Runs);
