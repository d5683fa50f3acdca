using System.Text.Json;

namespace EvoGrains.Cli.Tests;

/// <summary>The status object of `status --json`, `watch --json` and `local --json-progress` (README, JSON output).</summary>
internal static class StatusJson
{
    private static readonly string[] Fields =
    [
        "searchId", "name", "state", "evaluationsDone", "maxEvaluations", "inFlight", "rejectedByScreening", "deduplicated",
        "lateResults", "evaluationsPerMinute", "bestFitness", "bestExpression", "islands", "trainers", "trainerUtilisation",
        "finalJobsDone", "finalJobsTotal", "startedAt", "endedAt", "failure", "trainingSteps", "maxTrainingSteps", "maxMinutes", "finalStageStartedAt",
        "cancelledTrainings", "isTerminal",
    ];

    public static void AssertShape(JsonElement status)
    {
        Assert.Equal(Fields.Order(StringComparer.Ordinal), status.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.String, status.GetProperty("state").ValueKind);
        Assert.Equal(JsonValueKind.Number, status.GetProperty("evaluationsDone").ValueKind);
        Assert.Equal(JsonValueKind.Array, status.GetProperty("islands").ValueKind);
    }
}
