namespace EvoGrains.Core.Search;

/// <summary>When the search stops: whichever limit comes first.</summary>
public sealed record BudgetSpec
{
    public int MaxEvaluations { get; init; } = 100;

    /// <summary>Wall-clock limit in minutes; 0 means none.</summary>
    public double MaxMinutes { get; init; }

    /// <summary>Training steps over every evaluation and seed (a rung's steps times its seeds); 0 means none.</summary>
    public long MaxTrainingSteps { get; init; }
}
