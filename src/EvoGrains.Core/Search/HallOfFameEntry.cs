namespace EvoGrains.Core.Search;

/// <summary>One of the best losses: its identity, text, fitness and where it came from.</summary>
public sealed record HallOfFameEntry(string Hash, string Expression, double Fitness, int Island, string Operator, IReadOnlyList<string> Parents);
