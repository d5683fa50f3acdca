namespace EvoGrains.Core.Search.Islands;

/// <summary>Send <see cref="Migrants"/> to island <see cref="Neighbour"/>.</summary>
public sealed record MigrationPlan(int Neighbour, IReadOnlyList<Migrant> Migrants);
