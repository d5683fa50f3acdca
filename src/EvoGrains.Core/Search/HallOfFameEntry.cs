using System.Text.Json.Serialization;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Search;

/// <summary>
/// One of the best losses of a search: its identity, text, trainable loss, fitness (the mean over <see cref="Seeds"/>
/// at its highest <see cref="Rung"/>) and where it came from.
/// </summary>
public sealed record HallOfFameEntry(string Hash, string Expression, LossText Loss, double Fitness, int Island, string Operator, IReadOnlyList<string> Parents)
{
    public int Rung { get; init; }

    public int Seeds { get; init; } = 1;

    public double Spread { get; init; } = double.NaN;

    [JsonIgnore]
    public FitnessRank Rank => new(Rung, Fitness);

    public static HallOfFameEntry Of(HistoryEntry entry) =>
        new(entry.Hash, entry.Expression, entry.Loss, entry.Fitness, entry.Island, entry.Operator, entry.Parents) { Rung = entry.Rung, Seeds = entry.Seeds, Spread = entry.Spread };
}
