using System.Text.Json.Serialization;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;
namespace EvoGrains.Core.Search;

/// <summary>
/// One of the best losses of a search: its identity, text, trainable loss, fitness (the mean over <see cref="Seeds"/>
/// at its highest <see cref="Rung"/>) and where it came from.
/// </summary>
public sealed record HallOfFameEntry
{
    public required string Hash { get; init; }

    public required string Expression { get; init; }

    public required LossText Loss { get; init; }

    public required double Fitness { get; init; }

    public required int Island { get; init; }

    public required string Operator { get; init; }

    public required IReadOnlyList<string> Parents { get; init; }

    public int Rung { get; init; }

    public int Seeds { get; init; } = 1;

    public double Spread { get; init; } = double.NaN;

    [JsonIgnore]
    public FitnessRank Rank => new(Rung, Fitness);

    public static HallOfFameEntry Of(HistoryEntry entry) =>
        new()
        {
            Hash = entry.Hash,
            Expression = entry.Expression,
            Loss = entry.Loss,
            Fitness = entry.Fitness,
            Island = entry.Island,
            Operator = entry.Operator,
            Parents = entry.Parents,
            Rung = entry.Rung,
            Seeds = entry.Seeds,
            Spread = entry.Spread,
        };
}
