using System.Globalization;

namespace EvoGrains.FaultInjection.Tests.Infrastructure;

/// <summary>One injected fault and what it cost.</summary>
internal sealed record FaultMeasurement(
    string Fault,
    string Victim,
    string GrainsOnVictim,
    long EvaluationsAtKill,
    long LowestCountAfterKill,
    TimeSpan FirstAnswer,
    TimeSpan Recovery,
    TimeSpan TrainedAfterKill,
    TimeSpan? ReplacementReady,
    int RecordedBeforeKillLost)
{
    public static string Header =>
        "| fault | victim | grains on victim | evals at kill | lowest count after | first answer (s) | recovery (s) | first trained after kill (s) | replacement ready (s) | lost |" + "\n" +
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

    public string Row => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Fault} | {Victim} | {GrainsOnVictim} | {EvaluationsAtKill} | {LowestCountAfterKill} | {FirstAnswer.TotalSeconds:F1} | {Recovery.TotalSeconds:F1} | {TrainedAfterKill.TotalSeconds:F1} | {(ReplacementReady is { } r ? r.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) : "-")} | {(RecordedBeforeKillLost < 0 ? "(at the end)" : RecordedBeforeKillLost.ToString(CultureInfo.InvariantCulture))} |");
}
