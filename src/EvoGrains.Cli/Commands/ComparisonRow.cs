namespace EvoGrains.Cli.Commands;

/// <summary>One loss in a comparison against CE: accuracy over seeds, Welch p-value, time per run.</summary>
public sealed record ComparisonRow(string Name, string Expression, double Mean, double StandardDeviation, int Runs, double PValueVsCe, double SecondsPerRun, int FailedRuns);
