namespace EvoGrains.Abstractions;

/// <summary>An evaluated population member sent to a neighbour island.</summary>
[GenerateSerializer, Immutable, Alias("evograins.migrant")]
public sealed record MigrantRecord(
    [property: Id(0)] string Genome,
    [property: Id(1)] string Operator,
    [property: Id(2)] IReadOnlyList<string> Parents,
    [property: Id(3)] double Fitness,
    [property: Id(4)] int Rung = 0);
