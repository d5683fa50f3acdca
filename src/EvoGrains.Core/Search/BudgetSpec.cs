using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>When the search stops: whichever limit comes first.</summary>
[GenerateSerializer, Immutable, Alias("evograins.budget-spec")]
public sealed record BudgetSpec
{
    [Id(0)] internal readonly int maxEvaluations = 100;

    public int MaxEvaluations { get => maxEvaluations; init => maxEvaluations = value; }

    [Id(1)] internal readonly double maxMinutes;

    /// <summary>Wall-clock limit in minutes; 0 means none.</summary>
    public double MaxMinutes { get => maxMinutes; init => maxMinutes = value; }

    [Id(2)] internal readonly long maxTrainingSteps;

    /// <summary>Training steps over every evaluation and seed (a rung's steps times its seeds); 0 means none.</summary>
    public long MaxTrainingSteps { get => maxTrainingSteps; init => maxTrainingSteps = value; }
}
