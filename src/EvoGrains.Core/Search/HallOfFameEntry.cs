using System.Text.Json.Serialization;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;
using Orleans;
namespace EvoGrains.Core.Search;

/// <summary>
/// One of the best losses of a search: its identity, text, trainable loss, fitness (the mean over <see cref="Seeds"/>
/// at its highest <see cref="Rung"/>) and where it came from.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.hall-of-fame-entry")]
public sealed record HallOfFameEntry
{
    [Id(0)] internal readonly string hash = null!;

    public required string Hash { get => hash; init => hash = value; }

    [Id(1)] internal readonly string expression = null!;

    public required string Expression { get => expression; init => expression = value; }

    [Id(2)] internal readonly LossText loss = null!;

    public required LossText Loss { get => loss; init => loss = value; }

    [Id(3)] internal readonly double fitness;

    public required double Fitness { get => fitness; init => fitness = value; }

    [Id(4)] internal readonly int island;

    public required int Island { get => island; init => island = value; }

    [Id(5)] internal readonly string @operator = null!;

    public required string Operator { get => @operator; init => @operator = value; }

    // An array, not the interface: a field of interface type makes every write name the list's runtime type.
    [Id(6)] internal readonly string[] parents = null!;

    public required IReadOnlyList<string> Parents { get => parents; init => parents = value as string[] ?? [.. value]; }

    [Id(7)] internal readonly int rung;

    public int Rung { get => rung; init => rung = value; }

    [Id(8)] internal readonly int seeds = 1;

    public int Seeds { get => seeds; init => seeds = value; }

    [Id(9)] internal readonly double spread = double.NaN;

    public double Spread { get => spread; init => spread = value; }

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
