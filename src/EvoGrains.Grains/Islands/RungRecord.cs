namespace EvoGrains.Grains.Islands;

/// <summary>A stored result of the island's rung ladder: which loss, at which rung, how fit, and whether it was promoted.</summary>
[GenerateSerializer, Immutable, Alias("evograins.rung-record")]
public sealed record RungRecord(
    [property: Id(0)] string Hash,
    [property: Id(1)] int Rung,
    [property: Id(2)] double Fitness,
    [property: Id(3)] string Genome,
    [property: Id(4)] string Operator,
    [property: Id(5)] IReadOnlyList<string> Parents,
    [property: Id(6)] bool Promoted);
