namespace EvoGrains.Abstractions;

/// <summary>One of the best distinct losses of a search, best first.</summary>
[GenerateSerializer, Immutable, Alias("evograins.hall-of-fame-record")]
public sealed record HallOfFameRecord(
    [property: Id(0)] string Hash,
    [property: Id(1)] string Expression,
    [property: Id(2)] LossText Loss,
    [property: Id(3)] double Fitness,
    [property: Id(4)] int Island,
    [property: Id(5)] string Operator,
    [property: Id(6)] IReadOnlyList<string> Parents);
