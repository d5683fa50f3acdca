using System.Text.Json;
using System.Text.Json.Nodes;
using EvoGrains.Core.Search;

namespace EvoGrains.Core.Json;

/// <summary>
/// The hall of fame as hall-of-fame.json and the web API give it: each entry (<see cref="HallOfFameEntry"/> in
/// <see cref="EvoGrainsJson"/>'s form) plus <c>final</c>, its row of the final table (<c>{"split", "mean",
/// "standardDeviation", "confidenceHalfWidth", "seeds"}</c>), or null when it was not a finalist.
/// </summary>
public static class HallOfFameJson
{
    public static JsonArray Build(
        IReadOnlyList<HallOfFameEntry> hallOfFame,
        FinalComparison? final,
        JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(hallOfFame);
        options ??= EvoGrainsJson.Options;
        var rows = final?.Rows.Where(r => !r.IsBaseline).ToDictionary(r => r.Name, StringComparer.Ordinal) ?? [];
        var entries = new JsonArray();
        foreach (var entry in hallOfFame)
        {
            var node = JsonSerializer.SerializeToNode(entry, options)!.AsObject();
            node["final"] = rows.TryGetValue(entry.Hash, out var row)
                ? JsonSerializer.SerializeToNode(
                    new FinalistNumbers(
                        final!.Split, row.Mean, row.StandardDeviation, row.ConfidenceHalfWidth, row.Runs),
                    options)
                : null;
            entries.Add(node);
        }

        return entries;
    }

    public static string Serialize(
        IReadOnlyList<HallOfFameEntry> hallOfFame,
        FinalComparison? final,
        JsonSerializerOptions? options = null)
    {
        options ??= EvoGrainsJson.Options;
        return Build(hallOfFame, final, options).ToJsonString(options);
    }

    private sealed record FinalistNumbers(
        string Split,
        double Mean,
        double StandardDeviation,
        double ConfidenceHalfWidth,
        int Seeds);
}
